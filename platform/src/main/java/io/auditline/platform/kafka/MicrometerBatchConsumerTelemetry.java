package io.auditline.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer metrics under the caller's component name, e.g. for {@code indexer}: {@code
 * auditline_indexer_consumer_batches_total}, {@code auditline_indexer_consumer_records_total},
 * {@code auditline_indexer_consumer_handler_failures_total}, {@code
 * auditline_indexer_consumer_batch_duration_seconds} and {@code
 * auditline_indexer_consumer_lag_records{topic,partition}}.
 */
public final class MicrometerBatchConsumerTelemetry implements BatchConsumerTelemetry {

  private final MeterRegistry registry;
  private final String prefix;
  private final Counter batches;
  private final Counter records;
  private final Counter failures;
  private final Timer duration;
  private final Map<TopicPartition, Lag> lags = new ConcurrentHashMap<>();

  /** Metrics named {@code auditline_<component>_consumer_...}; {@code component} like {@code indexer}. */
  public MicrometerBatchConsumerTelemetry(MeterRegistry registry, String component) {
    if (component == null || !component.matches("[a-z][a-z0-9_]{0,40}")) {
      throw new IllegalArgumentException("component: '%s' (expected: [a-z][a-z0-9_]{0,40})".formatted(component));
    }
    this.registry = registry;
    this.prefix = "auditline." + component + ".consumer.";
    this.batches = Counter.builder(prefix + "batches").description("Batches handled and committed").register(registry);
    this.records = Counter.builder(prefix + "records").description("Records handled and committed").register(registry);
    this.failures =
        Counter.builder(prefix + "handler.failures").description("Batch handler failures (each is retried)").register(registry);
    this.duration =
        Timer.builder(prefix + "batch.duration")
            .description("Time to handle and commit one batch")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(registry);
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
  }

  @Override
  public void lag(TopicPartition partition, long behind) {
    lags.computeIfAbsent(partition, this::register).value.set(behind);
  }

  @Override
  public void partitionsReleased(Collection<TopicPartition> partitions) {
    for (TopicPartition partition : partitions) {
      Lag lag = lags.remove(partition);
      if (lag != null) {
        registry.remove(lag.gauge);
      }
    }
  }

  private Lag register(TopicPartition partition) {
    AtomicLong value = new AtomicLong();
    Gauge gauge =
        Gauge.builder(prefix + "lag", value, AtomicLong::get)
            .description("Records between the consumer position and the partition's end")
            .baseUnit("records")
            .tag("topic", partition.topic())
            .tag("partition", Integer.toString(partition.partition()))
            .register(registry);
    return new Lag(value, gauge);
  }

  private record Lag(AtomicLong value, Gauge gauge) {}
}
