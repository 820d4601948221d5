package io.auditline.platform.kafka;

import io.auditline.platform.metrics.PipelineErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer metrics labelled by consumer {@code group}: {@code auditline_consumer_batches_total},
 * {@code auditline_consumer_records_total}, {@code auditline_consumer_handler_failures_total},
 * {@code auditline_consumer_batch_duration_seconds}, {@code
 * auditline_consumer_assigned_partitions}, and per {@code topic} and {@code partition} {@code
 * auditline_consumer_lag_records} and {@code auditline_consumer_lag_seconds}. Handler failures also
 * count in {@code auditline_errors_total{stage,kind="handler_failure"}}.
 *
 * <p>{@code lag_seconds} is computed when scraped: now minus the Kafka timestamp of the oldest
 * record the member fetched and has not handled yet, so a stuck handler shows a growing age even
 * though no poll reports it; 0 when the member has handled everything it fetched.
 */
public final class MicrometerBatchConsumerTelemetry implements BatchConsumerTelemetry {

  private static final long NONE = Long.MIN_VALUE;

  private final MeterRegistry registry;
  private final Clock clock;
  private final Tags group;
  private final Counter batches;
  private final Counter records;
  private final Counter failures;
  private final Counter errors;
  private final Timer duration;
  private final AtomicInteger assigned = new AtomicInteger();
  private final Map<TopicPartition, Lag> lags = new ConcurrentHashMap<>();

  private MicrometerBatchConsumerTelemetry(MeterRegistry registry, PipelineErrors.Stage stage, String groupId, Clock clock) {
    if (groupId == null || !groupId.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException("groupId: '%s' (expected: [A-Za-z0-9._-]{1,100})".formatted(groupId));
    }
    this.registry = Objects.requireNonNull(registry, "registry");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.group = Tags.of("group", groupId);
    this.batches = Counter.builder("auditline.consumer.batches").description("Batches handled and committed").tags(group)
        .register(registry);
    this.records = Counter.builder("auditline.consumer.records").description("Records handled and committed").tags(group)
        .register(registry);
    this.failures = Counter.builder("auditline.consumer.handler.failures")
        .description("Batch handler failures (each is retried)").tags(group).register(registry);
    this.errors = PipelineErrors.counter(registry, stage, "handler_failure");
    this.duration =
        Timer.builder("auditline.consumer.batch.duration")
            .description("Time to handle and commit one batch")
            .tags(group)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
    Gauge.builder("auditline.consumer.assigned.partitions", assigned, AtomicInteger::get)
        .description("Partitions this member owns; summed over the instances, 0 means the group has no working member")
        .tags(group)
        .register(registry);
  }

  /** The metrics of consumer group {@code groupId}, whose handler failures count as {@code stage} errors. */
  public static MicrometerBatchConsumerTelemetry forGroup(MeterRegistry registry, PipelineErrors.Stage stage, String groupId) {
    return new MicrometerBatchConsumerTelemetry(registry, stage, groupId, Clock.systemUTC());
  }

  static MicrometerBatchConsumerTelemetry forGroup(MeterRegistry registry, PipelineErrors.Stage stage, String groupId, Clock clock) {
    return new MicrometerBatchConsumerTelemetry(registry, stage, groupId, clock);
  }

  @Override
  public void batchHandled(int count, long nanos) {
    batches.increment();
    records.increment(count);
    duration.record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void handlerFailed() {
    failures.increment();
    errors.increment();
  }

  @Override
  public void lag(TopicPartition partition, long behind, OptionalLong oldestUnhandledTimestampMs) {
    Lag lag = lags.computeIfAbsent(partition, this::register);
    lag.records.set(behind);
    lag.oldestMs.set(oldestUnhandledTimestampMs.orElse(NONE));
  }

  @Override
  public void assigned(int partitions) {
    assigned.set(partitions);
  }

  @Override
  public void partitionsReleased(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      Lag lag = lags.remove(partition);
      if (lag != null) {
        registry.remove(lag.recordsGauge);
        registry.remove(lag.secondsGauge);
      }
    }
  }

  private double seconds(AtomicLong oldestMs) {
    long oldest = oldestMs.get();
    return oldest == NONE ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }

  private Lag register(TopicPartition partition) {
    Tags tags = group.and("topic", partition.topic()).and("partition", Integer.toString(partition.partition()));
    AtomicLong records = new AtomicLong();
    AtomicLong oldestMs = new AtomicLong(NONE);
    Gauge recordsGauge =
        Gauge.builder("auditline.consumer.lag", records, AtomicLong::get)
            .description("Records between the first record this member has not handled and the partition's end")
            .baseUnit("records")
            .tags(tags)
            .register(registry);
    Gauge secondsGauge =
        Gauge.builder("auditline.consumer.lag.seconds", oldestMs, this::seconds)
            .description("Age of the oldest record this member fetched and has not handled yet")
            .tags(tags)
            .register(registry);
    return new Lag(records, oldestMs, recordsGauge, secondsGauge);
  }

  private record Lag(AtomicLong records, AtomicLong oldestMs, Gauge recordsGauge, Gauge secondsGauge) {}
}
