package io.auditline.store.index;

import io.auditline.platform.kafka.BatchHandler;
import io.auditline.platform.tracing.RecordLinks;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Scope;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes batches of {@code audit.events.v1} into {@code audit_events}: each batch, events and
 * rejects alike, is committed in one PostgreSQL transaction before {@link #handle} returns, and
 * writing a batch again changes nothing, so the consumer's offset commit after it gives each event
 * exactly one row.
 *
 * <p>Each batch is one {@value #SPAN} span: the child of the first sampled record's trace context
 * (from its Kafka headers) with links to up to {@value RecordLinks#DEFAULT_MAX} sampled records, so
 * an event's trace continues into the index.
 */
public final class Indexer implements BatchHandler<byte[], byte[]> {

  private static final Logger log = LoggerFactory.getLogger(Indexer.class);
  /** The span of one indexed batch. */
  public static final String SPAN = "indexer.batch";

  private final IndexWriter writer;
  private final IndexerTelemetry telemetry;
  private final Clock clock;
  private final Tracer tracer;

  public Indexer(DataSource dataSource, IndexerTelemetry telemetry) {
    this(dataSource, telemetry, Clock.systemUTC(), TracerProvider.noop().get(""));
  }

  public Indexer(DataSource dataSource, IndexerTelemetry telemetry, Clock clock, Tracer tracer) {
    this.writer = new IndexWriter(dataSource);
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  @Override
  public void handle(ConsumerRecords<byte[], byte[]> records) throws SQLException {
    RecordLinks links = new RecordLinks();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      links.add(record.headers());
    }
    Span span = links.start(tracer, SPAN);
    try (Scope ignored = span.makeCurrent()) { // the warnings below carry the trace ids
      IndexWriter.Written written = index(records);
      if (span.isRecording()) {
        span.setAttribute("messaging.batch.message_count", records.count());
        span.setAttribute("auditline.inserted", written.inserted());
        span.setAttribute("auditline.duplicates", written.duplicates());
        span.setAttribute("auditline.rejected", written.rejected());
      }
    } catch (SQLException | RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  private IndexWriter.Written index(ConsumerRecords<byte[], byte[]> records) throws SQLException {
    List<IndexRow> rows = new ArrayList<>(records.count());
    List<IndexWriter.Reject> rejects = new ArrayList<>();
    long newestTimestamp = -1;
    for (ConsumerRecord<byte[], byte[]> record : records) {
      newestTimestamp = Math.max(newestTimestamp, record.timestamp());
      switch (EventMapper.map(record)) {
        case Mapping.Indexable indexable -> rows.add(indexable.row());
        case Mapping.Rejected rejected ->
            rejects.add(
                new IndexWriter.Reject(
                    record.topic(), record.partition(), record.offset(), rejected,
                    record.key(), record.value(), record.timestamp()));
      }
    }
    long t0 = System.nanoTime();
    IndexWriter.Written written = writer.write(rows, rejects);
    telemetry.batchWritten(written.inserted(), written.duplicates(), System.nanoTime() - t0);
    for (IndexWriter.Reject reject : rejects) {
      telemetry.rejected(reject.why().reason());
      log.atWarn()
          .addKeyValue("topic", reject.topic())
          .addKeyValue("partition", reject.partition())
          .addKeyValue("offset", reject.offset())
          .addKeyValue("reason", reject.why().reason().label())
          .addKeyValue("detail", reject.why().detail())
          .log("record not indexed; kept in index_rejects");
    }
    if (newestTimestamp >= 0) {
      telemetry.delay(Duration.between(Instant.ofEpochMilli(newestTimestamp), clock.instant()));
    }
    if (written.duplicates() > 0) {
      log.atDebug()
          .addKeyValue("duplicates", written.duplicates())
          .log("records already indexed (a replay after a crash or rebalance)");
    }
    return written;
  }
}
