package io.auditline.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MicrometerBatchConsumerTelemetryTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerBatchConsumerTelemetry telemetry =
      MicrometerBatchConsumerTelemetry.forGroup(registry, Stage.INDEX, "auditline-indexer", Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void labelsMetricsWithTheGroup() {
    telemetry.batchHandled(3, 2_000_000);
    telemetry.handlerFailed();

    assertThat(registry.scrape())
        .contains("auditline_consumer_batches_total{group=\"auditline-indexer\"} 1.0")
        .contains("auditline_consumer_records_total{group=\"auditline-indexer\"} 3.0")
        .contains("auditline_consumer_handler_failures_total{group=\"auditline-indexer\"} 1.0")
        .contains("auditline_consumer_batch_duration_seconds_count{group=\"auditline-indexer\"} 1");
  }

  @Test
  void countsHandlerFailuresAsErrorsOfTheStage() {
    telemetry.handlerFailed();
    telemetry.handlerFailed();

    assertThat(registry.scrape()).contains("auditline_errors_total{kind=\"handler_failure\",stage=\"index\"} 2.0");
  }

  @Test
  void reportsLagInRecordsAndSecondsPerPartitionUntilThePartitionIsReleased() {
    TopicPartition p0 = new TopicPartition("audit.events.v1", 0);
    telemetry.lag(p0, 5, OptionalLong.empty());
    telemetry.lag(p0, 7, OptionalLong.of(NOW.minusSeconds(90).toEpochMilli()));

    assertThat(registry.scrape())
        .contains("auditline_consumer_lag_records{group=\"auditline-indexer\",partition=\"0\",topic=\"audit.events.v1\"} 7.0")
        .contains("auditline_consumer_lag_seconds{group=\"auditline-indexer\",partition=\"0\",topic=\"audit.events.v1\"} 90.0");

    telemetry.lag(p0, 0, OptionalLong.empty());
    assertThat(registry.scrape())
        .contains("auditline_consumer_lag_seconds{group=\"auditline-indexer\",partition=\"0\",topic=\"audit.events.v1\"} 0.0");

    telemetry.partitionsReleased(List.of(p0));
    assertThat(registry.scrape()).doesNotContain("auditline_consumer_lag_records{").doesNotContain("auditline_consumer_lag_seconds{");
  }

  @Test
  void reportsAssignedPartitions() {
    assertThat(registry.scrape()).contains("auditline_consumer_assigned_partitions{group=\"auditline-indexer\"} 0.0");

    telemetry.assigned(3);

    assertThat(registry.scrape()).contains("auditline_consumer_assigned_partitions{group=\"auditline-indexer\"} 3.0");
  }

  @Test
  void rejectsGroupIdsThatAreNotBoundedLabels() {
    assertThatThrownBy(() -> MicrometerBatchConsumerTelemetry.forGroup(registry, Stage.INDEX, "group with spaces"))
        .hasMessageContaining("groupId: 'group with spaces'");
  }
}
