package io.auditline.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.platform.lifecycle.Health;
import io.auditline.platform.lifecycle.HealthReport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentHealthMetricsTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ComponentHealthMetrics metrics = new ComponentHealthMetrics(registry);

  @Test
  void exportsEachComponentsReadinessAsAGauge() {
    Map<String, Health> components = new LinkedHashMap<>();
    components.put("indexer-consumer", Health.healthy());
    components.put("logpush-delivery", Health.unhealthy("cannot read jobs"));

    metrics.update(new HealthReport(false, "RUNNING", components));

    assertThat(registry.scrape())
        .contains("auditline_component_healthy{component=\"indexer-consumer\"} 1.0")
        .contains("auditline_component_healthy{component=\"logpush-delivery\"} 0.0");
  }

  @Test
  void followsTheLatestReport() {
    metrics.update(new HealthReport(false, "RUNNING", Map.of("db", Health.unhealthy("down"))));
    metrics.update(new HealthReport(true, "RUNNING", Map.of("db", Health.healthy())));

    assertThat(registry.scrape()).contains("auditline_component_healthy{component=\"db\"} 1.0");
  }
}
