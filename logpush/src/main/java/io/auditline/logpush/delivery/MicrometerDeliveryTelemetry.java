package io.auditline.logpush.delivery;

import io.auditline.platform.metrics.PipelineErrors;
import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-job delivery metrics ({@code auditline_logpush_*}), labelled by {@code job_id} and, for
 * failures, a {@code reason} from the destinations' small fixed set. The number of series grows with
 * the jobs this instance runs, not with traffic. Failed uploads and dead-lettered batches also count
 * in {@code auditline_errors_total{stage="logpush"}}.
 *
 * <p>{@code auditline_logpush_freshness_seconds} is computed when scraped (now minus the oldest
 * undelivered event's Kafka timestamp), so it keeps growing while an upload is stuck in retries.
 */
public final class MicrometerDeliveryTelemetry implements DeliveryTelemetry {

  private static final long NONE = Long.MIN_VALUE;

  private final MeterRegistry registry;
  private final Clock clock;
  private final Counter uploadErrors;
  private final Counter deadLetterErrors;
  private final Map<UUID, AtomicLong[]> lag = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicLong> deadLetters = new ConcurrentHashMap<>();
  private final Map<UUID, AtomicLong> maxAges = new ConcurrentHashMap<>();

  public MicrometerDeliveryTelemetry(MeterRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  MicrometerDeliveryTelemetry(MeterRegistry registry, Clock clock) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.uploadErrors = PipelineErrors.counter(registry, Stage.LOGPUSH, "upload_failure");
    this.deadLetterErrors = PipelineErrors.counter(registry, Stage.LOGPUSH, "dead_letter");
  }

  @Override
  public void delivered(UUID jobId, int records, long rawBytes, long compressedBytes, Duration upload) {
    String job = jobId.toString();
    Counter.builder("auditline_logpush_records").description("Events delivered").tag("job_id", job).register(registry)
        .increment(records);
    Counter.builder("auditline_logpush_uncompressed").description("Uncompressed bytes delivered").baseUnit("bytes")
        .tag("job_id", job).register(registry).increment(rawBytes);
    Counter.builder("auditline_logpush_compressed").description("Compressed bytes delivered").baseUnit("bytes")
        .tag("job_id", job).register(registry).increment(compressedBytes);
    Counter.builder("auditline_logpush_batches").description("Objects delivered").tag("job_id", job).register(registry)
        .increment();
    Timer.builder("auditline_logpush_upload_duration").description("Time of successful uploads").tag("job_id", job)
        .publishPercentileHistogram().register(registry).record(upload);
    DistributionSummary.builder("auditline_logpush_batch_records").description("Events per delivered object")
        .tag("job_id", job).register(registry).record(records);
  }

  @Override
  public void failed(UUID jobId, String reason) {
    Counter.builder("auditline_logpush_upload_failures").description("Failed upload attempts by reason")
        .tag("job_id", jobId.toString()).tag("reason", reason).register(registry).increment();
    uploadErrors.increment();
  }

  @Override
  public void deadLettered(UUID jobId, int records) {
    Counter.builder("auditline_logpush_dead_lettered_records").description("Events moved to the dead letters")
        .tag("job_id", jobId.toString()).register(registry).increment(records);
    deadLetterErrors.increment();
  }

  @Override
  public void lag(UUID jobId, long records, Optional<Instant> oldest) {
    AtomicLong[] values = lag.computeIfAbsent(jobId, id -> {
      AtomicLong[] v = {new AtomicLong(), new AtomicLong(NONE)};
      Gauge.builder("auditline_logpush_lag_records", v[0], AtomicLong::get).description("Events not yet delivered")
          .tag("job_id", id.toString()).register(registry);
      Gauge.builder("auditline_logpush_freshness_seconds", v[1], this::age)
          .description("Age of the oldest event not yet delivered").baseUnit("seconds").tag("job_id", id.toString())
          .register(registry);
      return v;
    });
    values[0].set(records);
    if (records == 0) {
      values[1].set(NONE);
    } else {
      oldest.ifPresent(t -> values[1].set(t.toEpochMilli()));
    }
  }

  @Override
  public void started(UUID jobId, Duration maxAge) {
    maxAges.computeIfAbsent(jobId, id -> {
      AtomicLong v = new AtomicLong();
      Gauge.builder("auditline_logpush_max_age_seconds", v, a -> a.get() / 1000.0)
          .description("The job's batch interval: freshness up to this is by design").tag("job_id", id.toString())
          .register(registry);
      return v;
    }).set(maxAge.toMillis());
  }

  @Override
  public void deadLetters(UUID jobId, long pending) {
    deadLetters.computeIfAbsent(jobId, id -> {
      AtomicLong v = new AtomicLong();
      Gauge.builder("auditline_logpush_dead_letters_pending", v, AtomicLong::get)
          .description("Dead-lettered batches not yet redriven (every instance reports every job: use max by job_id)")
          .tag("job_id", id.toString()).register(registry);
      return v;
    }).set(pending);
  }

  private double age(AtomicLong oldestMs) {
    long oldest = oldestMs.get();
    return oldest == NONE ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }

  @Override
  public void stopped(UUID jobId) {
    if (maxAges.remove(jobId) != null) {
      registry.find("auditline_logpush_max_age_seconds").tag("job_id", jobId.toString()).meters().forEach(registry::remove);
    }
    if (deadLetters.remove(jobId) != null) {
      registry.find("auditline_logpush_dead_letters_pending").tag("job_id", jobId.toString()).meters().forEach(registry::remove);
    }
    AtomicLong[] values = lag.remove(jobId);
    if (values != null) {
      registry.find("auditline_logpush_lag_records").tag("job_id", jobId.toString()).meters().forEach(registry::remove);
      registry.find("auditline_logpush_freshness_seconds").tag("job_id", jobId.toString()).meters().forEach(registry::remove);
    }
  }
}
