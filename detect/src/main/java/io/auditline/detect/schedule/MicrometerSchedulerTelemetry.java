package io.auditline.detect.schedule;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts evaluations as {@code auditline_detect_evaluations_total{outcome}}. */
public final class MicrometerSchedulerTelemetry implements SchedulerTelemetry {

  private final Counter evaluated;
  private final Counter failed;

  public MicrometerSchedulerTelemetry(MeterRegistry registry) {
    evaluated = Counter.builder("auditline_detect_evaluations").tag("outcome", "evaluated").register(registry);
    failed = Counter.builder("auditline_detect_evaluations").tag("outcome", "failed").register(registry);
  }

  @Override
  public void evaluated() {
    evaluated.increment();
  }

  @Override
  public void failed() {
    failed.increment();
  }
}
