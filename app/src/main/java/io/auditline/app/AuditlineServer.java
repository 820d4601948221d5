package io.auditline.app;

import io.auditline.app.config.AuditlineConfig;
import io.auditline.detect.DetectRole;
import io.auditline.ingest.IngestRole;
import io.auditline.logpush.LogpushRole;
import io.auditline.store.api.ApiServer;
import io.auditline.store.db.Database;
import io.auditline.store.db.PartitionMaintainer;
import io.auditline.store.db.PartitionPolicy;
import io.auditline.store.index.IndexerRole;
import io.auditline.store.token.TokenStore;
import java.time.Clock;
import javax.sql.DataSource;
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
 * @param api the customer query API when the api role is configured
 * @param database the PostgreSQL pool when the store or api role is configured
 * @param http the admin HTTP server (health, metrics)
 */
public record AuditlineServer(
    Lifecycle lifecycle, Optional<IngestRole> ingest, Optional<ApiServer> api, Optional<Database> database, AdminHttpServer http) {

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
    Optional<Database> database = Optional.empty();
    Optional<ApiServer> api = Optional.empty();
    if (config.roles().contains("store") || config.roles().contains("api") || config.roles().contains("logpush")
        || config.roles().contains("detect")) {
      Database db = new Database(config.postgres().database());
      DataSource dataSource = new DeferredDataSource(db::dataSource);
      lifecycle.add(db);
      database = Optional.of(db);
      if (config.roles().contains("store")) {
        lifecycle.add(
            new PartitionMaintainer(db::dataSource, PartitionPolicy.defaults().withRetention(config.store().retention()), Clock.systemUTC()));
        IndexerRole.create(dataSource, config.kafka().bootstrapServers(), config.kafka().topic(), metrics.registry(), telemetry)
            .components()
            .forEach(lifecycle::add);
      }
      if (config.roles().contains("logpush")) {
        LogpushRole.create(dataSource, config.logpush().settings(), config.kafka().bootstrapServers(), config.kafka().topic(),
                metrics.registry(), telemetry)
            .components()
            .forEach(lifecycle::add);
      }
      if (config.roles().contains("detect")) {
        DetectRole.create(dataSource, config.kafka().bootstrapServers(), config.kafka().settings().securityTopic(), metrics.registry())
            .components()
            .forEach(lifecycle::add);
      }
      if (config.roles().contains("api")) {
        TokenStore tokens = new TokenStore(dataSource);
        ApiServer server = new ApiServer(config.api().host(), config.api().port(), tokens, dataSource,
            List.of(LogpushRole.routes(dataSource, tokens, config.logpush().settings()), DetectRole.routes(dataSource, tokens)));
        lifecycle.add(server);
        api = Optional.of(server);
      }
    }
    lifecycle.add(health -> new GrpcHealthUpdater(grpcHealth, health, grpcServices, Duration.ofSeconds(2)));
    lifecycle.add(new ClosingComponent("telemetry", telemetry::close));
    Lifecycle built = lifecycle.build();
    return new AuditlineServer(built, ingest, api, database, http[0]);
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
