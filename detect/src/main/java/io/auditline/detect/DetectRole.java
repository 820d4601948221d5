package io.auditline.detect;

import io.auditline.detect.api.DetectRoutes;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.detect.rollup.RollupHandler;
import io.auditline.detect.rollup.RollupRepository;
import io.auditline.detect.rollup.RollupStore;
import io.auditline.detect.rollup.SecurityEventDecoder;
import io.auditline.platform.kafka.BatchConsumer;
import io.auditline.platform.kafka.BatchConsumerConfig;
import io.auditline.platform.kafka.MicrometerBatchConsumerTelemetry;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.auditline.store.api.ApiRoutes;
import io.auditline.store.token.Authenticator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Wires detection: today the security-event rollups (one consumer-group member of {@value
 * #GROUP_ID} counting {@code security.events.v1} per zone and minute into PostgreSQL, exactly once),
 * and the time-series and alert-policy API that the {@code api} role hosts.
 */
public record DetectRole(List<Component> components) {

  /** The consumer group of the rollups; its partition ownership is also how zones are split. */
  public static final String GROUP_ID = "auditline-detect";
  public static final String DEFAULT_TOPIC = "security.events.v1";

  public DetectRole {
    components = List.copyOf(components);
  }

  public static DetectRole create(DataSource dataSource, String bootstrapServers, String topic, MeterRegistry metrics) {
    BatchConsumerConfig defaults = BatchConsumerConfig.defaults("detect-rollups", bootstrapServers, GROUP_ID, List.of(topic));
    Map<String, String> properties = new HashMap<>(defaults.properties());
    // A new group counts the history still in the log rather than starting blind.
    properties.put("auto.offset.reset", "earliest");
    BatchConsumer<byte[], byte[]> consumer = new BatchConsumer<>(defaults.withProperties(properties), new ByteArrayDeserializer(),
        new ByteArrayDeserializer(), new RollupHandler(new SecurityEventDecoder(), new RollupStore(dataSource)),
        MicrometerBatchConsumerTelemetry.forGroup(metrics, Stage.DETECT, GROUP_ID));
    return new DetectRole(List.of(consumer));
  }

  /** The detection API for the API server. */
  public static ApiRoutes routes(DataSource dataSource, Authenticator authenticator) {
    return new DetectRoutes(authenticator, new RollupRepository(dataSource), new PolicyRepository(dataSource), Clock.systemUTC());
  }
}
