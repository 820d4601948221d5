package io.auditline.ingest.pipeline;

import io.auditline.platform.metrics.PipelineErrors;
import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ingest metrics: {@code auditline_ingest_events_total{producer,outcome,reason}}, {@code
 * auditline_ingest_rpc_duration_seconds{code}} and {@code
 * auditline_ingest_kafka_produce_duration_seconds{result}}; events that could not be produced also
 * count in {@code auditline_errors_total{stage="ingest",kind="produce_failure"}} (rejected events are
 * the producer's error, not the pipeline's, and do not).
 */
public final class MicrometerIngestTelemetry implements IngestTelemetry {

  private final MeterRegistry registry;
  private final Timer produceOk;
  private final Timer produceFailed;
  private final Counter produceErrors;

  public MicrometerIngestTelemetry(MeterRegistry registry) {
    this.registry = registry;
    this.produceOk = produceTimer(registry, "acknowledged");
    this.produceFailed = produceTimer(registry, "failed");
    this.produceErrors = PipelineErrors.counter(registry, Stage.INGEST, "produce_failure");
  }

  private static Timer produceTimer(MeterRegistry registry, String result) {
    return Timer.builder("auditline.ingest.kafka.produce.duration")
        .description("Time from Kafka send to acknowledgement (acks=all)")
        .tag("result", result)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  @Override
  public void events(String producer, String outcome, String reason, int count) {
    // Micrometer caches meters by id, so looking the counter up per call is cheap.
    Counter.builder("auditline.ingest.events")
        .description("Audit events by producer, outcome and reason")
        .tag("producer", producer)
        .tag("outcome", outcome)
        .tag("reason", reason)
        .register(registry)
        .increment(count);
    if (outcome.equals("failed")) {
      produceErrors.increment(count);
    }
  }

  @Override
  public void produced(long nanos, boolean acknowledged) {
    (acknowledged ? produceOk : produceFailed).record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void rpc(String code, long nanos) {
    Timer.builder("auditline.ingest.rpc.duration")
        .description("Ingest RPC latency by gRPC status code")
        .tag("code", code)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
