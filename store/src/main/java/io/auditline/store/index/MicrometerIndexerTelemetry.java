package io.auditline.store.index;

import io.auditline.platform.metrics.PipelineErrors;
import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Indexer metrics: {@code auditline_indexer_events_total{outcome=inserted|duplicate}}, {@code
 * auditline_indexer_rejects_total{reason}}, {@code auditline_indexer_batch_write_duration_seconds}
 * and {@code auditline_indexer_delay_seconds}; rejects also count in {@code
 * auditline_errors_total{stage="index",kind="reject"}}.
 */
public final class MicrometerIndexerTelemetry implements IndexerTelemetry {

  private final Counter inserted;
  private final Counter duplicates;
  private final Map<RejectReason, Counter> rejects = new EnumMap<>(RejectReason.class);
  private final Timer writes;
  private final Counter errors;
  private final AtomicLong delayMillis = new AtomicLong();

  public MicrometerIndexerTelemetry(MeterRegistry registry) {
    this.inserted = events(registry, "inserted");
    this.duplicates = events(registry, "duplicate");
    for (RejectReason reason : RejectReason.values()) {
      rejects.put(
          reason,
          Counter.builder("auditline.indexer.rejects")
              .description("Kafka records kept in index_rejects instead of being indexed")
              .tag("reason", reason.label())
              .register(registry));
    }
    this.errors = PipelineErrors.counter(registry, Stage.INDEX, "reject");
    this.writes =
        Timer.builder("auditline.indexer.batch.write.duration")
            .description("Time to write and commit one batch to PostgreSQL")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    Gauge.builder("auditline.indexer.delay", delayMillis, millis -> millis.get() / 1000.0)
        .description("Commit time minus the Kafka timestamp of the newest record of the last batch")
        .baseUnit("seconds")
        .register(registry);
  }

  private static Counter events(MeterRegistry registry, String outcome) {
    return Counter.builder("auditline.indexer.events")
        .description("Audit events written to PostgreSQL by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void batchWritten(int insertedRows, int duplicateRows, long nanos) {
    inserted.increment(insertedRows);
    duplicates.increment(duplicateRows);
    writes.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void rejected(RejectReason reason) {
    rejects.get(reason).increment();
    errors.increment();
  }

  @Override
  public void delay(Duration delay) {
    delayMillis.set(Math.max(0, delay.toMillis()));
  }
}
