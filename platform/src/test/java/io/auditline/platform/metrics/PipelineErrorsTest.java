package io.auditline.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class PipelineErrorsTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void countsErrorsByStageAndKind() {
    PipelineErrors.counter(registry, Stage.LOGPUSH, "upload_failure").increment();
    PipelineErrors.counter(registry, Stage.LOGPUSH, "upload_failure").increment();
    PipelineErrors.counter(registry, Stage.INGEST, "produce_failure").increment(3);

    assertThat(registry.scrape())
        .contains("auditline_errors_total{kind=\"upload_failure\",stage=\"logpush\"} 2.0")
        .contains("auditline_errors_total{kind=\"produce_failure\",stage=\"ingest\"} 3.0");
  }

  @Test
  void rejectsFreeTextKinds() {
    assertThatThrownBy(() -> PipelineErrors.counter(registry, Stage.INDEX, "Connection refused: db:5432"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind:");
  }
}
