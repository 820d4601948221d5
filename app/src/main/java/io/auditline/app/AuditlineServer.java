package io.auditline.app;

import io.auditline.app.config.AuditlineConfig;
import io.auditline.detect.DetectRole;
import io.auditline.ingest.IngestRole;
import io.auditline.ingest.kafka.TopicProvisioner;
import io.auditline.logpush.LogpushRole;
import io.auditline.store.api.ApiServer;
import io.auditline.store.db.Database;
import io.auditline.store.db.DatabaseConfig;
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
import io.auditline.platform.profiling.ProfilingEndpoints;
import io.auditline.platform.startup.Dependency;
import io.auditline.platform.startup.JdbcProbe;
import io.auditline.platform.startup.KafkaProbe;
import io.auditline.platform.startup.StartupWait;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.grpc.protobuf.services.HealthStatusManager;
import io.opentelemetry.api.OpenTelemetry;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * @param http the admin HTTP server (health, metrics, profiling)
 */
public record AuditlineServer(
    Lifecycle lifecycle, Optional<IngestRole> ingest, Optional<ApiServer> api, Optional<Database> database, AdminHttpServer http) {

  /**
   * Assembles the process. {@code before} components (an embedded broker in dev mode) start first and
   * stop last.
   *
   * <p>Components start in the order they are added here and stop in reverse, so this method also
   * states the drain on SIGTERM (see docs/operations.md, Lifecycle):
   *
   * <ol>
   *   <li>gRPC health turns NOT_SERVING, so load balancers stop sending;
   *   <li>the ingest gRPC server stops accepting RPCs and waits for the ones in flight;
   *   <li>the Kafka producer flushes and closes, so every acknowledged event is in Kafka;
   *   <li>the query API stops;
   *   <li>consumers (detect, logpush, indexer) finish their batch in flight, commit, and close;
   *   <li>the PostgreSQL pool closes;
   *   <li>the admin HTTP server (probes answer 503 until here), then telemetry, then {@code before}.
   * </ol>
   */
  public static <T extends OpenTelemetry & Closeable> AuditlineServer assemble(
      AuditlineConfig config, Metrics metrics, T telemetry, List<Component> before)
      throws IOException {
    Lifecycle.Builder lifecycle = Lifecycle.builder();
    before.forEach(lifecycle::add);
    // Closed late, so the spans of the drain are still exported.
    lifecycle.add(new ClosingComponent("telemetry", () -> {
      try {
        telemetry.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
    AdminHttpServer[] http = new AdminHttpServer[1];
    // Health and metrics come up first so operators can watch the rest start, and stay up while it drains.
    lifecycle.add(health -> http[0] = ProfilingEndpoints.defaults(config.http().admin())
        .mountOn(new AdminHttpServer(config.http().host(), config.http().port(), health, metrics.registry())));
    boolean usesDatabase = config.roles().contains("store") || config.roles().contains("api") || config.roles().contains("logpush")
        || config.roles().contains("detect");
    List<Dependency> dependencies = new ArrayList<>();
    dependencies.add(KafkaProbe.dependency(config.kafka().bootstrapServers()));
    if (usesDatabase) {
      DatabaseConfig db = config.postgres().database();
      dependencies.add(JdbcProbe.postgres(db.jdbcUrl(), db.redactedUrl(), db.user(), db.password()));
    }
    lifecycle.add(new StartupWait(dependencies, config.lifecycle().startupTimeout()));
    HealthStatusManager grpcHealth = new HealthStatusManager();
    List<String> grpcServices = new ArrayList<>();
    Optional<IngestRole> ingest = Optional.empty();
    List<Component> serving = new ArrayList<>();
    if (config.roles().contains("ingest")) {
      IngestRole role =
          IngestRole.create(
              config.ingest(), config.kafka().settings(), config.tls().files(), metrics.registry(), telemetry,
              List.of(grpcHealth.getHealthService()));
      // The topics exist before any consumer subscribes; the producer and the gRPC server start last
      // and so stop first: no new RPCs, then every acknowledged event flushed, then the consumers.
      for (Component c : role.components()) {
        if (c instanceof TopicProvisioner) {
          lifecycle.add(c);
        } else {
          serving.add(c);
        }
      }
      grpcServices.add(IngestServiceGrpc.SERVICE_NAME);
      ingest = Optional.of(role);
    }
    Optional<Database> database = Optional.empty();
    Optional<ApiServer> api = Optional.empty();
    if (usesDatabase) {
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
        DetectRole.create(dataSource, config.kafka().bootstrapServers(), config.kafka().settings().securityTopic(),
                config.detect().settings(), metrics.registry(), telemetry, Clock.systemUTC())
            .components()
            .forEach(lifecycle::add);
      }
      if (config.roles().contains("api")) {
        TokenStore tokens = new TokenStore(dataSource);
        ApiServer server = new ApiServer(config.api().host(), config.api().port(), tokens, dataSource,
            List.of(LogpushRole.routes(dataSource, tokens, config.logpush().settings()), DetectRole.routes(dataSource, tokens, config.detect().settings())));
        lifecycle.add(server);
        api = Optional.of(server);
      }
    }
    serving.forEach(lifecycle::add);
    lifecycle.add(health -> new GrpcHealthUpdater(grpcHealth, health, grpcServices, Duration.ofSeconds(2)));
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
