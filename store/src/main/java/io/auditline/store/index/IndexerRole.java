package io.auditline.store.index;

import io.auditline.platform.kafka.BatchConsumer;
import io.auditline.platform.kafka.BatchConsumerConfig;
import io.auditline.platform.kafka.MicrometerBatchConsumerTelemetry;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Wires the indexer: one {@link BatchConsumer} in group {@value #GROUP_ID} feeding an {@link
 * Indexer}. The app's composition root and the integration tests both build it through here.
 */
public record IndexerRole(List<Component> components, BatchConsumer<byte[], byte[]> consumer, Indexer indexer) {

  /** The consumer group whose committed offsets say how far the index is. */
  public static final String GROUP_ID = "auditline-indexer";
  /** The component name in logs and health. */
  public static final String COMPONENT = "indexer-consumer";

  public IndexerRole {
    components = List.copyOf(components);
  }

  /** The indexer of {@code topic} with the default consumer settings, without tracing. */
  public static IndexerRole create(DataSource dataSource, String bootstrapServers, String topic, MeterRegistry metrics) {
    return create(dataSource, consumerConfig(bootstrapServers, topic), metrics, OpenTelemetry.noop());
  }

  /** The indexer of {@code topic} with the default consumer settings; its batch spans go to {@code telemetry}. */
  public static IndexerRole create(
      DataSource dataSource, String bootstrapServers, String topic, MeterRegistry metrics, OpenTelemetry telemetry) {
    return create(dataSource, consumerConfig(bootstrapServers, topic), metrics, telemetry);
  }

  /** The indexer with the given consumer settings (group, batch size, retry policy), without tracing. */
  public static IndexerRole create(DataSource dataSource, BatchConsumerConfig config, MeterRegistry metrics) {
    return create(dataSource, config, metrics, OpenTelemetry.noop());
  }

  /** The indexer with the given consumer settings; its batch spans go to {@code telemetry}. */
  public static IndexerRole create(
      DataSource dataSource, BatchConsumerConfig config, MeterRegistry metrics, OpenTelemetry telemetry) {
    Indexer indexer = new Indexer(dataSource, new MicrometerIndexerTelemetry(metrics), Clock.systemUTC(),
        telemetry.getTracer("io.auditline.store"));
    BatchConsumer<byte[], byte[]> consumer =
        new BatchConsumer<>(
            config,
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer(),
            indexer,
            MicrometerBatchConsumerTelemetry.forGroup(metrics, Stage.INDEX, config.groupId()));
    return new IndexerRole(List.of(consumer), consumer, indexer);
  }

  /**
   * The default consumer settings: group {@value #GROUP_ID}, batches of 2000, and a new group starts
   * from the beginning of the topic, since an index that skipped history would be wrong.
   */
  public static BatchConsumerConfig consumerConfig(String bootstrapServers, String topic) {
    BatchConsumerConfig defaults = BatchConsumerConfig.defaults(COMPONENT, bootstrapServers, GROUP_ID, List.of(topic));
    Map<String, String> properties = new HashMap<>(defaults.properties());
    properties.put("auto.offset.reset", "earliest");
    return defaults.withProperties(properties);
  }
}
