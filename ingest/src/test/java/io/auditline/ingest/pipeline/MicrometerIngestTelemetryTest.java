package io.auditline.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerIngestTelemetryTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerIngestTelemetry telemetry = new MicrometerIngestTelemetry(registry);

  @Test
  void countsEventsThatCouldNotBeProducedAsIngestErrors() {
    telemetry.events("billing", "accepted", "none", 10);
    telemetry.events("billing", "rejected", "invalid", 2);
    telemetry.events("billing", "failed", "kafka_unavailable", 3);

    assertThat(registry.scrape())
        .contains("auditline_ingest_events_total{outcome=\"failed\",producer=\"billing\",reason=\"kafka_unavailable\"} 3.0")
        .contains("auditline_errors_total{kind=\"produce_failure\",stage=\"ingest\"} 3.0");
  }
}
