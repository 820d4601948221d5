package io.auditline.detect.alert;

import io.auditline.platform.metrics.PipelineErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * {@code auditline_detect_notifications_total{outcome, reason}} (reasons are the notifiers' short stable
 * tokens); a notification given up also counts in {@code auditline_errors_total{stage="detect",kind="notification_failure"}}.
 */
public final class MicrometerDispatchTelemetry implements DispatchTelemetry {

  private final MeterRegistry registry;
  private final Counter delivered;

  public MicrometerDispatchTelemetry(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.delivered = counter("delivered", "none");
  }

  @Override
  public void delivered() {
    delivered.increment();
  }

  @Override
  public void retried(String reason) {
    counter("retried", reason).increment();
  }

  @Override
  public void failed(String reason) {
    counter("failed", reason).increment();
    PipelineErrors.counter(registry, PipelineErrors.Stage.DETECT, "notification_failure").increment();
  }

  private Counter counter(String outcome, String reason) {
    return Counter.builder("auditline_detect_notifications").tag("outcome", outcome).tag("reason", reason)
        .description("Alert notification attempts by outcome").register(registry);
  }
}
