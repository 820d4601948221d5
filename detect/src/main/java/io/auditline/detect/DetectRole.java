package io.auditline.detect;

import io.auditline.detect.alert.AlertRepository;
import io.auditline.detect.alert.AlertingEvaluator;
import io.auditline.detect.alert.ChannelNotifiers;
import io.auditline.detect.alert.MicrometerDispatchTelemetry;
import io.auditline.detect.alert.NotificationDispatcher;
import io.auditline.detect.api.DetectRoutes;
import io.auditline.detect.policy.EnabledPolicies;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.detect.rollup.RollupHandler;
import io.auditline.detect.rollup.RollupRepository;
import io.auditline.detect.rollup.RollupStore;
import io.auditline.detect.rollup.SecurityEventDecoder;
import io.auditline.detect.schedule.EvaluationScheduler;
import io.auditline.detect.schedule.MicrometerSchedulerTelemetry;
import io.auditline.detect.schedule.PolicyZones;
import io.auditline.detect.schedule.SchedulerConfig;
import io.auditline.platform.kafka.BatchConsumer;
import io.auditline.platform.kafka.BatchConsumerConfig;
import io.auditline.platform.kafka.MicrometerBatchConsumerTelemetry;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.auditline.store.api.ApiRoutes;
import io.auditline.store.token.Authenticator;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Wires detection: the security-event rollups (members of {@value #GROUP_ID} counting
 * {@code security.events.v1} per zone and minute, and per filtered policy, into PostgreSQL, exactly
 * once), the per-minute evaluation of every zone with an enabled policy (split between instances by
 * partition ownership, see {@code io.auditline.detect.schedule}), the notification sender, and the
 * API that the {@code api} role hosts.
 */
public record DetectRole(List<Component> components) {

  /** The consumer group of the rollups. */
  public static final String GROUP_ID = "auditline-detect";
  public static final String DEFAULT_TOPIC = "security.events.v1";

  public DetectRole {
    components = List.copyOf(components);
  }

  public static DetectRole create(DataSource dataSource, String bootstrapServers, String topic, MeterRegistry metrics) {
    return create(dataSource, bootstrapServers, topic, DetectSettings.defaults(), metrics, OpenTelemetry.noop(),
        Clock.systemUTC());
  }

  public static DetectRole create(DataSource dataSource, String bootstrapServers, String topic, DetectSettings settings,
      MeterRegistry metrics, OpenTelemetry tracing, Clock clock) {
    PolicyRepository policyRepository = new PolicyRepository(dataSource);
    EnabledPolicies policies = new EnabledPolicies(policyRepository, settings.policyRefresh(), clock);
    RollupRepository rollups = new RollupRepository(dataSource);

    BatchConsumerConfig defaults = BatchConsumerConfig.defaults("detect-rollups", bootstrapServers, GROUP_ID, List.of(topic));
    Map<String, String> properties = new HashMap<>(defaults.properties());
    // A new group counts the history still in the log rather than starting blind.
    properties.put("auto.offset.reset", "earliest");
    BatchConsumer<byte[], byte[]> consumer = new BatchConsumer<>(defaults.withProperties(properties), new ByteArrayDeserializer(),
        new ByteArrayDeserializer(), new RollupHandler(new SecurityEventDecoder(), new RollupStore(dataSource, policies)),
        MicrometerBatchConsumerTelemetry.forGroup(metrics, Stage.DETECT, GROUP_ID));

    SchedulerConfig schedule = SchedulerConfig.defaults(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
        instanceName()).withTopic(topic).withSettle(settings.settle());
    EvaluationScheduler scheduler = new EvaluationScheduler(schedule, dataSource, new PolicyZones(policies, rollups, clock),
        new AlertingEvaluator(policies, rollups, new AlertRepository(dataSource)), new MicrometerSchedulerTelemetry(metrics),
        clock);

    NotificationDispatcher notify = new NotificationDispatcher(dataSource, policyRepository,
        new ChannelNotifiers(settings.guard(), settings.smtp(), clock), new MicrometerDispatchTelemetry(metrics),
        NotificationDispatcher.BACKOFF, Duration.ofSeconds(1), clock, tracing.getTracer(NotificationDispatcher.SCOPE));
    return new DetectRole(List.of(consumer, scheduler, notify));
  }

  /** The detection API for the API server. */
  public static ApiRoutes routes(DataSource dataSource, Authenticator authenticator, DetectSettings settings) {
    return new DetectRoutes(authenticator, new RollupRepository(dataSource), new PolicyRepository(dataSource),
        new AlertRepository(dataSource), settings.plaintextWebhooks(), Clock.systemUTC());
  }

  public static ApiRoutes routes(DataSource dataSource, Authenticator authenticator) {
    return routes(dataSource, authenticator, DetectSettings.defaults());
  }

  /** Names this instance in evaluation claims: host name and a random suffix, unique per process. */
  private static String instanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
