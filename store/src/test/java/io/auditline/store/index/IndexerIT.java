package io.auditline.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.platform.kafka.BatchConsumer;
import io.auditline.platform.kafka.BatchConsumerConfig;
import io.auditline.platform.kafka.BatchConsumerTelemetry;
import io.auditline.platform.lifecycle.Lifecycle;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.auditline.platform.tracing.SpanStore;
import io.auditline.platform.tracing.Tracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The indexer against the real broker and the real PostgreSQL. */
class IndexerIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String CONTENT =
      "SELECT account_id, occurred_at, id, actor_type, actor_id, actor_email, actor_ip, action_type, action_result,"
          + " resource_type, resource_id, zone_id, producer, ingested_at, kafka_partition, kafka_offset, event"
          + " FROM audit_events ORDER BY id";
  private static final String REJECTS = "SELECT * FROM index_rejects ORDER BY topic, kafka_partition, kafka_offset";

  private TestDb db;
  private final MeterRegistry metrics = new SimpleMeterRegistry();

  @BeforeEach
  void createDatabase() {
    db = new TestDb("indexer_it");
  }

  @AfterEach
  void dropPool() {
    db.close();
  }

  @Test
  void writesEveryColumnOfAFullEvent() throws Exception {
    TestKafka kafka = new TestKafka("index-columns", 1);
    Instant when = Instant.parse("2025-06-01T12:34:56.789012Z");
    AuditEvent.Builder builder = TestEvents.valid("acct-7");
    builder.getActionBuilder().setOccurredAt(TestEvents.at(when)).setResult(io.auditline.proto.v1.ActionResult.ACTION_RESULT_FAILURE);
    builder.getActorBuilder().setType(ActorType.ACTOR_TYPE_API_TOKEN).setTokenId("tok-1").setIp("2001:db8::7").setEmail("");
    AuditEvent event = builder.build();
    RecordMetadata sent = kafka.produce(List.of(TestEvents.record(kafka.topic, event))).get(0);

    try (Lifecycle indexer = start(IndexerRole.create(db.dataSource, kafka.bootstrap, kafka.topic, metrics))) {
      await().atMost(WAIT).until(() -> db.count("audit_events") == 1);
    }

    List<String> row = db.rows(
        "SELECT account_id, occurred_at = '2025-06-01T12:34:56.789012Z', id, actor_type, actor_id, actor_email, actor_ip,"
            + " action_type, action_result, resource_type, resource_id, zone_id, producer, ingested_at IS NOT NULL,"
            + " kafka_partition, kafka_offset, event FROM audit_events").get(0);
    assertThat(row).containsExactly(
        "acct-7", "true", event.getId(), "api_token", "user-42", "null", "2001:db8::7",
        "zone.settings.update", "failure", "zone.setting", "always_use_https", "z1", TestEvents.PRODUCER, "true",
        Integer.toString(sent.partition()), Long.toString(sent.offset()), HexFormat.of().formatHex(event.toByteArray()));
    assertThat(metrics.get("auditline.indexer.events").tag("outcome", "inserted").counter().count()).isEqualTo(1);
    assertThat(metrics.get("auditline.indexer.delay").gauge().value()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void keepsAnUnparseableRecordInRejectsAndIndexesTheRestOfTheBatch() throws Exception {
    TestKafka kafka = new TestKafka("index-rejects", 1);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events(kafka, 4));
    records.add(2, TestEvents.raw(kafka.topic, "acct-1", TestEvents.GARBAGE));
    RecordMetadata garbage = kafka.produce(records).get(2);

    try (Lifecycle indexer = start(IndexerRole.create(db.dataSource, kafka.bootstrap, kafka.topic, metrics))) {
      await().atMost(WAIT).until(() -> kafka.committed(IndexerRole.GROUP_ID).equals(kafka.endOffsets()));
    }

    assertThat(db.count("audit_events")).isEqualTo(4);
    List<String> reject = db.rows(
        "SELECT topic, kafka_partition, kafka_offset, reason LIKE 'unparseable: %', record_value,"
            + " record_timestamp IS NOT NULL, rejected_at IS NOT NULL FROM index_rejects").get(0);
    assertThat(reject).containsExactly(
        kafka.topic, "0", Long.toString(garbage.offset()), "true", HexFormat.of().formatHex(TestEvents.GARBAGE), "true", "true");
    assertThat(metrics.get("auditline.indexer.rejects").tag("reason", "unparseable").counter().count()).isEqualTo(1);
  }

  @Test
  void replayingTheSameRecordsWithANewGroupChangesNothing() throws Exception {
    TestKafka kafka = new TestKafka("index-replay", 3);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events(kafka, 30));
    records.add(TestEvents.raw(kafka.topic, "acct-1", TestEvents.GARBAGE));
    kafka.produce(records);
    try (Lifecycle first = start(IndexerRole.create(db.dataSource, kafka.bootstrap, kafka.topic, metrics))) {
      await().atMost(WAIT).until(() -> kafka.committed(IndexerRole.GROUP_ID).equals(kafka.endOffsets()));
    }
    List<List<String>> events = db.rows(CONTENT);
    List<List<String>> rejects = db.rows(REJECTS);
    assertThat(events).hasSize(30);
    assertThat(rejects).hasSize(1);

    BatchConsumerConfig replay =
        new BatchConsumerConfig("indexer-consumer", kafka.bootstrap, "replay-" + kafka.topic, List.of(kafka.topic), 7,
            Duration.ofMillis(200), Duration.ofSeconds(10), IndexerRole.consumerConfig(kafka.bootstrap, kafka.topic).retry(),
            IndexerRole.consumerConfig(kafka.bootstrap, kafka.topic).properties());
    MeterRegistry replayMetrics = new SimpleMeterRegistry();
    try (Lifecycle second = start(IndexerRole.create(db.dataSource, replay, replayMetrics))) {
      await().atMost(WAIT).until(() -> kafka.committed(replay.groupId()).equals(kafka.endOffsets()));
    }

    assertThat(db.rows(CONTENT)).isEqualTo(events);
    assertThat(db.rows(REJECTS)).isEqualTo(rejects);
    assertThat(replayMetrics.get("auditline.indexer.events").tag("outcome", "duplicate").counter().count()).isEqualTo(30);
    assertThat(replayMetrics.get("auditline.indexer.events").tag("outcome", "inserted").counter().count()).isZero();
  }

  @Test
  void aConsumerKilledAfterTheDatabaseCommitAndBeforeTheOffsetCommitLeavesEveryEventOnce() throws Exception {
    TestKafka kafka = new TestKafka("index-killed", 1);
    List<ProducerRecord<byte[], byte[]>> records = events(kafka, 20);
    kafka.produce(records);
    Indexer indexer = new Indexer(db.dataSource, IndexerTelemetry.noop());
    BatchConsumerConfig config = IndexerRole.consumerConfig(kafka.bootstrap, kafka.topic).withMaxPollRecords(7);
    try (BatchConsumer<byte[], byte[]> killed =
        new BatchConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
            batch -> {
              indexer.handle(batch);
              throw new Error("killed after the database commit, before the offset commit");
            },
            BatchConsumerTelemetry.noop())) {
      killed.start();
      await().atMost(WAIT).until(() -> !killed.liveness().isHealthy());
    }
    assertThat(db.count("audit_events")).isBetween(1L, 7L);
    assertThat(kafka.committed(IndexerRole.GROUP_ID)).isEmpty();

    try (Lifecycle restarted = start(IndexerRole.create(db.dataSource, config, metrics))) {
      await().atMost(WAIT).until(() -> kafka.committed(IndexerRole.GROUP_ID).equals(kafka.endOffsets()));
    }

    assertThat(db.rows("SELECT id::text FROM audit_events").stream().map(r -> r.get(0)))
        .containsExactlyInAnyOrderElementsOf(ids(records));
    assertThat(metrics.get("auditline.indexer.events").tag("outcome", "duplicate").counter().count()).isPositive();
  }

  @Test
  void aTransactionThatFailsHalfWayLeavesNothingOfItsBatchVisible() throws Exception {
    TestKafka kafka = new TestKafka("index-rollback", 1);
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(events(kafka, 9));
    AuditEvent.Builder boom = TestEvents.valid("acct-1");
    boom.getActionBuilder().setType("test.boom");
    records.add(5, TestEvents.record(kafka.topic, boom.build()));
    records.add(TestEvents.raw(kafka.topic, "acct-1", TestEvents.GARBAGE));
    db.execute("""
        CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.action_type = 'test.boom' THEN RAISE EXCEPTION 'boom'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER fail_on_boom BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION fail_on_boom();
        """);
    // Sent in one producer batch, so the first poll hands all eleven records over together.
    kafka.produce(records);

    try (Lifecycle indexer = start(IndexerRole.create(db.dataSource, kafka.bootstrap, kafka.topic, metrics))) {
      await().atMost(WAIT).until(
          () -> metrics.get("auditline.consumer.handler.failures").tag("group", IndexerRole.GROUP_ID).counter().count() >= 2);
      assertThat(db.count("audit_events")).isZero();
      assertThat(db.count("index_rejects")).isZero();
      assertThat(kafka.committed(IndexerRole.GROUP_ID)).isEmpty();

      db.execute("DROP TRIGGER fail_on_boom ON audit_events");
      await().atMost(WAIT).until(() -> kafka.committed(IndexerRole.GROUP_ID).equals(kafka.endOffsets()));
    }

    assertThat(db.rows("SELECT id::text FROM audit_events").stream().map(r -> r.get(0)))
        .containsExactlyInAnyOrderElementsOf(ids(records.subList(0, 10)));
    assertThat(db.count("index_rejects")).isEqualTo(1);
  }

  private static Lifecycle start(IndexerRole role) {
    Lifecycle lifecycle = new Lifecycle(role.components());
    lifecycle.start();
    return lifecycle;
  }

  private static List<ProducerRecord<byte[], byte[]>> events(TestKafka kafka, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> TestEvents.record(kafka.topic, TestEvents.valid("acct-" + (i % 3)).build()))
        .toList();
  }

  private static List<String> ids(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
    List<String> ids = new ArrayList<>();
    for (ProducerRecord<byte[], byte[]> record : records) {
      ids.add(AuditEvent.parseFrom(record.value()).getId());
    }
    return ids;
  }

  @Test
  void eachBatchIsASpanContinuingTheFirstSampledRecordsTraceAndLinkingToEverySampledRecord() throws Exception {
    TestKafka kafka = new TestKafka("index-traced", 1);
    List<ProducerRecord<byte[], byte[]>> records = events(kafka, 3);
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    records.get(0).headers().add("traceparent", ("00-" + traceId + "-b7ad6b7169203331-01").getBytes(StandardCharsets.UTF_8));
    records.get(1).headers().add("traceparent",
        "00-1af7651916cd43dd8448eb211c80319c-c7ad6b7169203331-00".getBytes(StandardCharsets.UTF_8)); // not sampled
    records.get(2).headers().add("traceparent",
        "00-2af7651916cd43dd8448eb211c80319c-d7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
    kafka.produce(records);
    SpanStore spans = new SpanStore(100);

    try (OpenTelemetrySdk otel = Tracing.create("store-test", 0.0, List.of(spans));
        Lifecycle indexer = start(IndexerRole.create(db.dataSource, kafka.bootstrap, kafka.topic, metrics, otel))) {
      await().atMost(WAIT).until(() -> db.count("audit_events") == 3);
      await().atMost(WAIT).until(() -> !spans.trace(traceId).isEmpty());
    }

    SpanData batch = spans.trace(traceId).getFirst();
    assertThat(batch.getName()).isEqualTo(Indexer.SPAN);
    assertThat(batch.getParentSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(batch.getLinks()).extracting(l -> l.getSpanContext().getSpanId())
        .containsExactly("b7ad6b7169203331", "d7ad6b7169203331");
    assertThat(batch.getAttributes().asMap().toString()).contains("auditline.inserted=3");
  }
}
