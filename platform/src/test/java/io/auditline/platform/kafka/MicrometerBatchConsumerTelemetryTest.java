package io.auditline.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MicrometerBatchConsumerTelemetryTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerBatchConsumerTelemetry telemetry = new MicrometerBatchConsumerTelemetry(registry, "indexer");

  @Test
  void namesMetricsAfterTheComponent() {
    telemetry.batchHandled(3, 2_000_000);
    telemetry.handlerFailed();

    assertThat(registry.scrape())
        .contains("auditline_indexer_consumer_batches_total 1.0")
        .contains("auditline_indexer_consumer_records_total 3.0")
        .contains("auditline_indexer_consumer_handler_failures_total 1.0")
        .contains("auditline_indexer_consumer_batch_duration_seconds_count 1");
  }

  @Test
  void reportsLagPerPartitionUntilThePartitionIsReleased() {
    TopicPartition p0 = new TopicPartition("audit.events.v1", 0);
    telemetry.lag(p0, 5);
    telemetry.lag(p0, 7);

    assertThat(registry.scrape())
        .contains("auditline_indexer_consumer_lag_records{partition=\"0\",topic=\"audit.events.v1\"} 7.0");

    telemetry.partitionsReleased(List.of(p0));
    assertThat(registry.scrape()).doesNotContain("auditline_indexer_consumer_lag_records{");
  }

  @Test
  void rejectsComponentNamesThatAreNotMetricNameParts() {
    assertThatThrownBy(() -> new MicrometerBatchConsumerTelemetry(registry, "Index-er"))
        .hasMessageContaining("component: 'Index-er'");
  }
}
