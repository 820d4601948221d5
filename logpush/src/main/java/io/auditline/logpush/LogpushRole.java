package io.auditline.logpush;

import io.auditline.logpush.api.LogpushRoutes;
import io.auditline.logpush.deadletter.DeadLetterStore;
import io.auditline.logpush.deadletter.Redriver;
import io.auditline.logpush.delivery.DeliveryConfig;
import io.auditline.logpush.delivery.DeliveryEngine;
import io.auditline.logpush.delivery.DeliveryTelemetry;
import io.auditline.logpush.delivery.MicrometerDeliveryTelemetry;
import io.auditline.logpush.delivery.ReplayRunner;
import io.auditline.logpush.job.JobRepository;
import io.auditline.logpush.job.JobValidations;
import io.auditline.logpush.ownership.OwnershipStore;
import io.auditline.logpush.replay.ReplayStore;
import io.auditline.platform.lifecycle.Component;
import io.auditline.store.api.ApiRoutes;
import io.auditline.store.token.Authenticator;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Wires Logpush: the delivery engine and the replay runner (the {@code logpush} role), and the jobs
 * API that the {@code api} role hosts. The app's composition root and the tests build it here.
 */
public record LogpushRole(List<Component> components, DeliveryEngine engine, ReplayRunner replays) {

  public LogpushRole {
    components = List.copyOf(components);
  }

  /** The delivery side: one worker per enabled job, and replays; without tracing. */
  public static LogpushRole create(DataSource dataSource, LogpushSettings settings, String bootstrapServers, String topic,
      MeterRegistry metrics) {
    return create(dataSource, settings, bootstrapServers, topic, metrics, OpenTelemetry.noop());
  }

  /** The delivery side; batch and upload spans go to {@code tracing}. */
  public static LogpushRole create(DataSource dataSource, LogpushSettings settings, String bootstrapServers, String topic,
      MeterRegistry metrics, OpenTelemetry tracing) {
    Map<String, Object> kafka = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    DeliveryConfig defaults = DeliveryConfig.defaults(kafka, topic, owner());
    DeliveryConfig config = defaults.withLeaseTtl(settings.leaseTtl())
        .withRetry(settings.retryWindow(), defaults.backoffInitial(), defaults.backoffMax());
    DeliveryTelemetry telemetry = new MicrometerDeliveryTelemetry(metrics);
    DeliveryEngine engine = new DeliveryEngine(config, dataSource, settings.destinationParser(), settings.destinationContext(),
        telemetry, Clock.systemUTC(), tracing.getTracer("io.auditline.logpush"));
    ReplayRunner replays = new ReplayRunner(config, dataSource, settings.destinationParser(), settings.destinationContext(),
        () -> replayConsumer(bootstrapServers), telemetry, Clock.systemUTC());
    return new LogpushRole(List.of(engine, replays), engine, replays);
  }

  /** The jobs API, for the API server. */
  public static ApiRoutes routes(DataSource dataSource, Authenticator authenticator, LogpushSettings settings) {
    DeadLetterStore deadLetters = new DeadLetterStore(dataSource);
    Clock clock = Clock.systemUTC();
    return new LogpushRoutes(authenticator, new JobRepository(dataSource), JobValidations.standard(), settings.destinationParser(),
        settings.destinationContext(), deadLetters,
        new Redriver(deadLetters, settings.destinationParser(), settings.destinationContext(), clock), new ReplayStore(dataSource),
        new OwnershipStore(dataSource), clock);
  }

  private static KafkaConsumer<byte[], byte[]> replayConsumer(String bootstrapServers) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "auditline-logpush-replay");
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** This process's name in leases: host and pid, plus a random part so a restarted pid never reuses a lease. */
  private static String owner() {
    return ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
