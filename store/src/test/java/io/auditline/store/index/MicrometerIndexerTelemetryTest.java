package io.auditline.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MicrometerIndexerTelemetryTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerIndexerTelemetry telemetry = new MicrometerIndexerTelemetry(registry);

  @Test
  void countsRejectsAsIndexErrors() {
    RejectReason reason = RejectReason.values()[0];
    telemetry.rejected(reason);
    telemetry.rejected(reason);

    assertThat(registry.scrape())
        .contains("auditline_indexer_rejects_total{reason=\"" + reason.label() + "\"} 2.0")
        .contains("auditline_errors_total{kind=\"reject\",stage=\"index\"} 2.0");
  }

  @Test
  void reportsTheDelayOfTheLastBatchInSeconds() {
    telemetry.delay(Duration.ofMillis(2_500));

    assertThat(registry.scrape()).contains("auditline_indexer_delay_seconds 2.5");
  }
}
