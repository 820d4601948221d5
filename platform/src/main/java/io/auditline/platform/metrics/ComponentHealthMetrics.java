package io.auditline.platform.metrics;

import io.auditline.platform.lifecycle.Health;
import io.auditline.platform.lifecycle.HealthReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each component's readiness check as {@code auditline_component_healthy{component}} (1 healthy, 0
 * not), refreshed from a {@link HealthReport} right before each scrape, so alerts see exactly what
 * {@code /healthz/ready} would say. Component names are fixed by the code, so the label is bounded.
 */
public final class ComponentHealthMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> healthy = new ConcurrentHashMap<>();

  public ComponentHealthMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /** Sets every component's gauge from {@code report}; a component seen for the first time gets one. */
  public void update(HealthReport report) {
    for (Map.Entry<String, Health> e : report.components().entrySet()) {
      healthy.computeIfAbsent(e.getKey(), this::register).set(e.getValue().isHealthy() ? 1 : 0);
    }
  }

  private AtomicInteger register(String component) {
    AtomicInteger value = new AtomicInteger();
    Gauge.builder("auditline.component.healthy", value, AtomicInteger::get)
        .description("1 when the component's readiness check passes, 0 when it does not")
        .tag("component", component)
        .register(registry);
    return value;
  }
}
