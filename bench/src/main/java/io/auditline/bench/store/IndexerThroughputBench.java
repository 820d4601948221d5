package io.auditline.bench.store;

import io.auditline.platform.lifecycle.Component;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.db.Database;
import io.auditline.store.index.EventMapper;
import io.auditline.store.index.IndexRow;
import io.auditline.store.index.IndexerRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Indexer throughput: {@code events} records on a fresh 3-partition topic, indexed by the real
 * {@link IndexerRole} into a fresh database, timed from the consumer's start until every row is
 * inserted; baseline, in the same run, a plain COPY of the same rows (same columns, same migrated
 * partitioned table) into another fresh database on the same server, one connection, in
 * transactions of {@value #BASELINE_CHUNK_ROWS} rows.
 */
final class IndexerThroughputBench {

  static final int BASELINE_CHUNK_ROWS = 50_000;
  static final int TOPIC_PARTITIONS = 3;
  static final String PRODUCER = "bench-producer";
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private final StoreEnvironment env;
  private final int accounts;

  IndexerThroughputBench(StoreEnvironment env, int accounts) {
    this.env = env;
    this.accounts = accounts;
  }

  /** One run: both rates, and where the indexer's time went. */
  record Result(long events, double indexerPerSecond, double indexerSteadyPerSecond, double copyPerSecond,
      double producePerSecond, Duration untilFirstRow) {}

  Result run(int run, int events, long seed) throws Exception {
    String topic = "bench.store.indexer-" + run;
    String bootstrap = env.bootstrapServers();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, TOPIC_PARTITIONS, (short) 1))).all().get();
    }
    List<IndexRow> rows = new ArrayList<>(events);
    double produceRate = produce(bootstrap, topic, events, seed, rows);
    System.err.printf("bench: run %d produced %,d events to %s (%,.0f events/s)%n", run, events, topic, produceRate);
    double copyRate = 0;
    Timing indexer = null;
    // Alternate the order, so that neither always runs on a warmer (or fuller) server.
    for (int step = 0; step < 2; step++) {
      if ((step + run) % 2 == 0) {
        copyRate = copy(env.database("copy_baseline_" + run, 2), rows);
        System.err.printf("bench: run %d %-20s %,10.0f events/s%n", run, "copy baseline", copyRate);
      } else {
        indexer = index(env.database("indexer_" + run, 10), bootstrap, topic, events);
        System.err.printf("bench: run %d %-20s %,10.0f events/s%n", run, "store.indexer", indexer.perSecond());
      }
    }
    return new Result(events, indexer.perSecond(), indexer.steadyPerSecond(), copyRate, produceRate, indexer.firstRow());
  }

  private double produce(String bootstrap, String topic, int events, long seed, List<IndexRow> rows) throws Exception {
    Map<String, Object> props = Map.of(
        "bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true", "linger.ms", "5",
        "compression.type", "lz4", "batch.size", "262144");
    SplittableRandom random = new SplittableRandom(seed);
    Instant now = Instant.now();
    AuditEvent[] sent = new AuditEvent[events];
    int[] partitions = new int[events];
    long[] offsets = new long[events];
    long t0 = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < events; i++) {
        String account = SyntheticEvents.account(random.nextInt(accounts));
        // A live stream: events of the last hour, arriving in no particular order.
        AuditEvent event = SyntheticEvents.event(random, account, now.minusMillis(random.nextLong(3_600_000)));
        sent[i] = event;
        ProducerRecord<byte[], byte[]> record =
            new ProducerRecord<>(topic, account.getBytes(StandardCharsets.UTF_8), event.toByteArray());
        record.headers().add(EventMapper.PRODUCER_HEADER, PRODUCER.getBytes(StandardCharsets.UTF_8));
        int index = i;
        producer.send(record, (metadata, error) -> {
          if (error == null) {
            partitions[index] = metadata.partition();
            offsets[index] = metadata.offset();
          }
        });
      }
      producer.flush();
    }
    double rate = events * 1e9 / (System.nanoTime() - t0);
    for (int i = 0; i < events; i++) {
      rows.add(CopyRows.row(sent[i], PRODUCER, partitions[i], offsets[i]));
    }
    return rate;
  }

  private static double copy(Database database, List<IndexRow> rows) throws Exception {
    long t0 = System.nanoTime();
    try (Connection c = database.dataSource().getConnection()) {
      c.setAutoCommit(false);
      for (int from = 0; from < rows.size(); from += BASELINE_CHUNK_ROWS) {
        CopyRows.copy(c, rows.subList(from, Math.min(rows.size(), from + BASELINE_CHUNK_ROWS)));
        c.commit();
      }
    }
    double rate = rows.size() * 1e9 / (System.nanoTime() - t0);
    requireRows(database, rows.size());
    return rate;
  }

  /** How long the indexer took, from its start, to its first row, and to its last. */
  private record Timing(long events, long totalNanos, long firstRowNanos) {
    double perSecond() {
      return events * 1e9 / totalNanos;
    }

    double steadyPerSecond() {
      return events * 1e9 / Math.max(1, totalNanos - firstRowNanos);
    }

    Duration firstRow() {
      return Duration.ofNanos(firstRowNanos);
    }
  }

  private static Timing index(Database database, String bootstrap, String topic, int events) throws Exception {
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    IndexerRole role = IndexerRole.create(database.dataSource(), bootstrap, topic, metrics);
    long t0 = System.nanoTime();
    long firstRow = -1;
    long done;
    try {
      for (Component component : role.components()) {
        component.start();
      }
      Counter inserted = metrics.find("auditline.indexer.events").tag("outcome", "inserted").counter();
      long deadline = t0 + TIMEOUT.toNanos();
      while (inserted.count() < events) {
        if (firstRow < 0 && inserted.count() > 0) {
          firstRow = System.nanoTime() - t0;
        }
        if (!role.consumer().liveness().isHealthy() || System.nanoTime() > deadline) {
          throw new IllegalStateException("indexer stopped at %.0f of %d events: %s"
              .formatted(inserted.count(), events, role.consumer().check()));
        }
        TimeUnit.MILLISECONDS.sleep(10);
      }
      done = System.nanoTime() - t0;
    } finally {
      for (Component component : role.components().reversed()) {
        component.close();
      }
      metrics.close();
    }
    requireRows(database, events);
    return new Timing(events, done, Math.max(0, firstRow));
  }

  private static void requireRows(Database database, long expected) throws Exception {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM audit_events")) {
      rs.next();
      if (rs.getLong(1) != expected) {
        throw new IllegalStateException("audit_events holds %d rows (expected: %d)".formatted(rs.getLong(1), expected));
      }
    }
  }
}
