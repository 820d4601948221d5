package io.auditline.detect.schedule;

import io.auditline.platform.metrics.PipelineErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts evaluations as {@code auditline_detect_evaluations_total{outcome}}; failures also count in the
 * shared {@code auditline_errors_total{stage="detect",kind="evaluation_failure"}}.
 */
public final class MicrometerSchedulerTelemetry implements SchedulerTelemetry {

  private final Counter evaluated;
  private final Counter failed;
  private final Counter errors;

  public MicrometerSchedulerTelemetry(MeterRegistry registry) {
    evaluated = Counter.builder("auditline_detect_evaluations").tag("outcome", "evaluated").register(registry);
    failed = Counter.builder("auditline_detect_evaluations").tag("outcome", "failed").register(registry);
    errors = PipelineErrors.counter(registry, PipelineErrors.Stage.DETECT, "evaluation_failure");
  }

  @Override
  public void evaluated() {
    evaluated.increment();
  }

  @Override
  public void failed() {
    failed.increment();
    errors.increment();
  }
}
