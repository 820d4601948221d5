package io.auditline.logpush.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.logpush.deadletter.DeadLetter;
import io.auditline.logpush.deadletter.DeadLetterStore;
import io.auditline.logpush.deadletter.RedriveOutcome;
import io.auditline.logpush.deadletter.Redriver;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.job.BatchLimits;
import io.auditline.logpush.job.JobRepository;
import io.auditline.logpush.support.Events;
import io.auditline.logpush.support.LogpushDb;
import io.auditline.logpush.support.MemoryDestination;
import io.auditline.logpush.support.Ndjson;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.platform.tracing.SpanStore;
import io.auditline.platform.tracing.Tracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryEngineIT {

  private static final BatchLimits ONE_SECOND = new BatchLimits(Duration.ofSeconds(1), 100_000, 100_000_000);

  private final Map<String, MemoryDestination> stores = new HashMap<>();
  private final List<DeliveryEngine> engines = new ArrayList<>();
  private LogpushDb db;
  private String bootstrap;
  private String topic;

  @BeforeEach
  void setUp() {
    bootstrap = SharedKafka.bootstrapServers();
    topic = KafkaTestSupport.uniqueTopicName("logpush");
    KafkaTestSupport.createTopic(bootstrap, topic, 3);
    db = new LogpushDb("logpush_engine");
  }

  @AfterEach
  void tearDown() {
    engines.forEach(DeliveryEngine::close);
    db.close();
  }

  @Test
  void deliversEveryEventOnceAcrossARestart() {
    MemoryDestination store = store("a");
    db.insertJob("acct-1", "to-a", "mem://a", ONE_SECOND, Instant.now().minusSeconds(5));
    DeliveryEngine first = engine(config("first"));
    List<String> ids = new ArrayList<>(Events.send(bootstrap, topic, "acct-1", 300));
    Events.send(bootstrap, topic, "acct-other", 50);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(Ndjson.ids(store.objects.values())).containsExactlyInAnyOrderElementsOf(ids));
    first.close();
    engines.remove(first);

    engine(config("second"));
    ids.addAll(Events.send(bootstrap, topic, "acct-1", 200));
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(Ndjson.ids(store.objects.values())).containsExactlyInAnyOrderElementsOf(ids));
    assertThat(store.objects.keySet()).allSatisfy(key -> assertThat(key).matches("logs/\\d{8}/[0-9a-f-]{36}-p\\d-\\d{20}\\.ndjson\\.gz"));
  }

  @Test
  void aDeliveredBatchIsASpanContinuingItsSampledRecordsWithAnUploadChild() throws Exception {
    MemoryDestination store = store("traced");
    db.insertJob("acct-traced", "to-traced", "mem://traced", ONE_SECOND, Instant.now().minusSeconds(5));
    SpanStore spans = new SpanStore(100);
    try (OpenTelemetrySdk otel = Tracing.create("logpush-test", 0.0, List.of(spans))) {
      DeliveryEngine engine = new DeliveryEngine(config("traced"), db.dataSource, MemoryDestination.parser(stores),
          DestinationContext.defaults(), DeliveryTelemetry.NONE, Clock.systemUTC(), otel.getTracer("test"));
      engine.start();
      engines.add(engine);
      String traceId = "0af7651916cd43dd8448eb211c80319c";
      try (KafkaProducer<byte[], byte[]> producer = Events.producer(bootstrap)) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, "acct-traced".getBytes(StandardCharsets.UTF_8),
            Events.valid("acct-traced").build().toByteArray());
        record.headers().add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(30, TimeUnit.SECONDS);
      }

      await().atMost(Duration.ofSeconds(60)).until(() -> spans.trace(traceId).size() == 2);
      SpanData batch = spans.trace(traceId).stream().filter(s -> s.getName().equals(PartitionDelivery.SPAN)).findFirst().orElseThrow();
      SpanData upload = spans.trace(traceId).stream().filter(s -> s.getName().equals(BatchUploader.SPAN)).findFirst().orElseThrow();
      assertThat(batch.getParentSpanId()).isEqualTo("b7ad6b7169203331");
      assertThat(batch.getLinks()).extracting(l -> l.getSpanContext().getSpanId()).containsExactly("b7ad6b7169203331");
      assertThat(upload.getParentSpanId()).isEqualTo(batch.getSpanId());
      assertThat(upload.getAttributes().asMap().toString())
          .contains("auditline.destination.type=mem", "auditline.outcome=stored")
          .contains("auditline.key=" + store.objects.keySet().iterator().next());
    }
  }

  @Test
  void aFailingDestinationDoesNotDelayAnotherJob() {
    MemoryDestination broken = store("broken");
    broken.down = true;
    MemoryDestination healthy = store("healthy");
    UUID brokenJob = db.insertJob("acct-1", "broken", "mem://broken", ONE_SECOND, Instant.now().minusSeconds(5));
    db.insertJob("acct-1", "healthy", "mem://healthy", ONE_SECOND, Instant.now().minusSeconds(5));
    engine(config("iso"));

    for (int round = 0; round < 3; round++) {
      List<String> ids = Events.send(bootstrap, topic, "acct-1", 100);
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(Ndjson.ids(healthy.objects.values())).containsAll(ids));
    }
    assertThat(broken.objects).isEmpty();
    assertThat(broken.uploads.get()).isGreaterThan(1);
    assertThat(db.queryString("SELECT error_message FROM logpush_jobs WHERE id = ?", brokenJob)).contains("server_error");
  }

  @Test
  void anOutageLongerThanTheRetryWindowEndsInDeadLettersThatRedriveDelivers() {
    MemoryDestination store = store("flaky");
    store.down = true;
    UUID jobId = db.insertJob("acct-1", "flaky", "mem://flaky", ONE_SECOND, Instant.now().minusSeconds(5));
    engine(config("dlq").withRetry(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(500)));
    // Two bursts a few batch intervals apart, so that the outage spans several batches.
    List<String> ids = new ArrayList<>(Events.send(bootstrap, topic, "acct-1", 60));
    DeadLetterStore deadLetters = new DeadLetterStore(db.dataSource);
    await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters.list(jobId, true, 100).isEmpty());
    ids.addAll(Events.send(bootstrap, topic, "acct-1", 60));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(deadLetters.list(jobId, true, 100).stream().mapToInt(DeadLetter::records).sum()).isEqualTo(120));
    assertThat(store.objects).isEmpty();

    store.down = false;
    Redriver redriver = new Redriver(deadLetters, MemoryDestination.parser(stores), DestinationContext.defaults(), Clock.systemUTC());
    var job = new JobRepository(db.dataSource).find(jobId).orElseThrow();
    for (DeadLetter letter : deadLetters.list(jobId, true, 100)) {
      assertThat(redriver.redrive(job, letter)).isInstanceOf(RedriveOutcome.Delivered.class);
    }
    assertThat(Ndjson.ids(store.objects.values())).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(deadLetters.list(jobId, true, 100)).isEmpty();
  }

  private MemoryDestination store(String name) {
    MemoryDestination store = new MemoryDestination();
    stores.put(name, store);
    return store;
  }

  private DeliveryConfig config(String owner) {
    return DeliveryConfig.defaults(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic, owner)
        .withLeaseTtl(Duration.ofSeconds(3)).withJobRefresh(Duration.ofMillis(300))
        .withRetry(Duration.ofMinutes(10), Duration.ofMillis(100), Duration.ofMillis(500));
  }

  private DeliveryEngine engine(DeliveryConfig config) {
    DeliveryEngine engine = new DeliveryEngine(config, db.dataSource, MemoryDestination.parser(stores),
        DestinationContext.defaults(), DeliveryTelemetry.NONE, Clock.systemUTC());
    engine.start();
    engines.add(engine);
    return engine;
  }
}
