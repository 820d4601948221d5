package io.auditline.app;

import io.auditline.app.config.AuditlineConfig;
import io.auditline.ingest.IngestRole;
import io.auditline.platform.health.GrpcHealthUpdater;
import io.auditline.platform.http.AdminHttpServer;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Lifecycle;
import io.auditline.platform.metrics.Metrics;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The composition root: builds every component of the configured roles by constructor, in start
 * order. {@code auditline serve}, {@code auditline dev} and the integration tests all assemble the
 * process here.
 *
 * @param lifecycle starts and stops everything
 * @param ingest the ingest role when configured
 * @param http the admin HTTP server (health, metrics)
 */
public record AuditlineServer(Lifecycle lifecycle, Optional<IngestRole> ingest, AdminHttpServer http) {

  /**
   * Assembles the process. {@code before} components (an embedded broker in dev mode) start first and
   * stop last.
   */
  public static AuditlineServer assemble(
      AuditlineConfig config, Metrics metrics, OpenTelemetrySdk telemetry, List<Component> before)
      throws IOException {
    Lifecycle.Builder lifecycle = Lifecycle.builder();
    before.forEach(lifecycle::add);
    AdminHttpServer[] http = new AdminHttpServer[1];
    // Health and metrics come up first so operators can watch the rest start.
    lifecycle.add(health -> http[0] = new AdminHttpServer(config.http().host(), config.http().port(), health, metrics.registry()));
    HealthStatusManager grpcHealth = new HealthStatusManager();
    List<String> grpcServices = new ArrayList<>();
    Optional<IngestRole> ingest = Optional.empty();
    if (config.roles().contains("ingest")) {
      IngestRole role =
          IngestRole.create(
              config.ingest(), config.kafka().settings(), config.tls().files(), metrics.registry(), telemetry,
              List.of(grpcHealth.getHealthService()));
      role.components().forEach(lifecycle::add);
      grpcServices.add(IngestServiceGrpc.SERVICE_NAME);
      ingest = Optional.of(role);
    }
    lifecycle.add(health -> new GrpcHealthUpdater(grpcHealth, health, grpcServices, Duration.ofSeconds(2)));
    lifecycle.add(new ClosingComponent("telemetry", telemetry::close));
    Lifecycle built = lifecycle.build();
    return new AuditlineServer(built, ingest, http[0]);
  }

  /** Adapts something closeable that needs no start, so it is closed in lifecycle order. */
  private record ClosingComponent(String name, Runnable onClose) implements Component {
    @Override
    public void start() {}

    @Override
    public void close() {
      onClose.run();
    }
  }
}
