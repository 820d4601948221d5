package io.auditline.logpush.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.job.BatchLimits;
import io.auditline.logpush.replay.Replay;
import io.auditline.logpush.replay.ReplayState;
import io.auditline.logpush.replay.ReplayStore;
import io.auditline.logpush.support.Events;
import io.auditline.logpush.support.LogpushDb;
import io.auditline.logpush.support.MemoryDestination;
import io.auditline.logpush.support.Ndjson;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayIT {

  private static final BatchLimits LIMITS = new BatchLimits(Duration.ofSeconds(1), 40, 100_000_000);

  private final Map<String, MemoryDestination> stores = new HashMap<>();
  private LogpushDb db;
  private String bootstrap;
  private String topic;
  private ReplayRunner runner;

  @BeforeEach
  void setUp() {
    bootstrap = SharedKafka.bootstrapServers();
    topic = KafkaTestSupport.uniqueTopicName("replay");
    KafkaTestSupport.createTopic(bootstrap, topic, 2);
    db = new LogpushDb("logpush_replay");
    stores.put("r", new MemoryDestination());
  }

  @AfterEach
  void tearDown() {
    if (runner != null) {
      runner.close();
    }
    db.close();
  }

  @Test
  void replaysARangeFromTheLogWhileItIsRetained() {
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
    List<String> inRange = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = Events.producer(bootstrap)) {
      for (int i = 0; i < 100; i++) {
        AuditEvent e = event("acct-1", base.plusSeconds(i * 10L));
        if (i >= 20 && i < 80) {
          inRange.add(e.getId());
        }
        producer.send(new ProducerRecord<>(topic, key("acct-1"), e.toByteArray()));
        producer.send(new ProducerRecord<>(topic, key("acct-2"), event("acct-2", base.plusSeconds(i * 10L)).toByteArray()));
      }
    }
    Replay replay = runReplay(base.plusSeconds(200), base.plusSeconds(800));

    assertThat(replay.source()).contains("kafka");
    assertThat(replay.totalRecords()).contains(200L);
    MemoryDestination store = stores.get("r");
    assertThat(store.objects.keySet()).allSatisfy(k -> assertThat(k).contains("replays/" + replay.id() + "/"));
    assertThat(Ndjson.ids(store.objects.values())).containsExactlyInAnyOrderElementsOf(inRange);
  }

  @Test
  void replaysFromTheStoreWhenTheLogNoLongerHoldsTheRange() throws Exception {
    Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
    List<String> inRange = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      AuditEvent e = event("acct-1", base.plusSeconds(i * 60L));
      insertRow(e, i);
      if (i >= 10 && i < 70) {
        inRange.add(e.getId());
      }
      insertRow(event("acct-2", base.plusSeconds(i * 60L)), 1000 + i);
    }
    Events.send(bootstrap, topic, "acct-1", 10);
    truncateLog();

    Replay replay = runReplay(base.plusSeconds(600), base.plusSeconds(4200));

    assertThat(replay.source()).contains("store");
    assertThat(replay.totalRecords()).contains(60L);
    assertThat(Ndjson.ids(stores.get("r").objects.values())).containsExactlyInAnyOrderElementsOf(inRange);
  }

  private Replay runReplay(Instant since, Instant before) {
    UUID jobId = db.insertJob("acct-1", "replayed", "mem://r", LIMITS, Instant.now());
    db.execute("UPDATE logpush_jobs SET enabled = false WHERE id = ?", jobId);
    ReplayStore replays = new ReplayStore(db.dataSource);
    Replay created = replays.create(jobId, "acct-1", since, before, Instant.now());
    Map<String, Object> kafka = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    runner = new ReplayRunner(DeliveryConfig.defaults(kafka, topic, "replayer"), db.dataSource, MemoryDestination.parser(stores),
        DestinationContext.defaults(), () -> new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new ByteArrayDeserializer(), new ByteArrayDeserializer()), DeliveryTelemetry.NONE, Clock.systemUTC());
    runner.start();
    await().atMost(Duration.ofSeconds(60)).until(() -> replays.find(jobId, created.id()).orElseThrow().state().finished());
    Replay done = replays.find(jobId, created.id()).orElseThrow();
    assertThat(done.state()).as("replay %s: %s", done.id(), done.errorMessage()).isEqualTo(ReplayState.COMPLETED);
    return done;
  }

  private void truncateLog() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
      for (int p = 0; p < 2; p++) {
        TopicPartition tp = new TopicPartition(topic, p);
        long end = admin.listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get().get(tp).offset();
        delete.put(tp, RecordsToDelete.beforeOffset(end));
      }
      admin.deleteRecords(delete).all().get();
    }
  }

  private void insertRow(AuditEvent e, int offset) {
    db.execute("INSERT INTO audit_events (account_id, occurred_at, id, actor_type, actor_id, action_type, action_result,"
            + " resource_type, resource_id, producer, kafka_partition, kafka_offset, event)"
            + " VALUES (?,?,?::uuid,'user','u','t','success','r','r','p',0,?,?)",
        e.getAccountId(), Timestamp.from(Instant.ofEpochSecond(e.getAction().getOccurredAt().getSeconds())), e.getId(),
        (long) offset, e.toByteArray());
  }

  private static AuditEvent event(String account, Instant occurredAt) {
    AuditEvent.Builder b = Events.valid(account);
    b.getActionBuilder().setOccurredAt(Events.at(occurredAt));
    return b.build();
  }

  private static byte[] key(String account) {
    return account.getBytes(StandardCharsets.UTF_8);
  }
}
