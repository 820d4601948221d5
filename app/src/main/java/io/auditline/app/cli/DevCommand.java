package io.auditline.app.cli;

import io.auditline.app.AuditlineServer;
import io.auditline.app.config.AuditlineConfig;
import io.auditline.app.dev.DevEnvironment;
import io.auditline.app.dev.DevPki;
import io.auditline.app.dev.DevS3;
import io.auditline.embedded.kafka.EmbeddedKafka;
import io.auditline.embedded.kafka.EmbeddedKafkaConfig;
import io.auditline.embedded.postgres.EmbeddedPostgresConfig;
import io.auditline.embedded.postgres.EmbeddedPostgresServer;
import io.auditline.ingest.IngestConfig;
import io.auditline.platform.lifecycle.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code auditline dev}: everything on embedded defaults, on loopback, with data under {@code ./data}:
 * a real Kafka broker (KRaft), a local CA with server and demo-producer certificates, the mTLS
 * ingestion server, health and metrics.
 */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Run Auditline on embedded defaults: a real Kafka broker, a dev CA and mTLS ingestion; data under ./data.")
public final class DevCommand implements Callable<Integer> {

  @Option(names = "--data", defaultValue = "data", description = "Data directory (default: ${DEFAULT-VALUE})")
  Path data;

  @Option(names = "--kafka", description = "Use this Kafka cluster instead of starting the embedded broker")
  String kafka;

  @Option(names = "--grpc-port", defaultValue = "7443", description = "gRPC ingest port (default: ${DEFAULT-VALUE})")
  int grpcPort;

  @Option(names = "--http-port", defaultValue = "8080", description = "HTTP health/metrics port (default: ${DEFAULT-VALUE})")
  int httpPort;

  @Option(names = "--api-port", defaultValue = "8081", description = "Customer query API port (default: ${DEFAULT-VALUE})")
  int apiPort;

  @Option(names = "--s3-port", defaultValue = "8082", description = "Port of the dev S3-compatible server (default: ${DEFAULT-VALUE})")
  int s3Port;

  @Option(names = "--no-s3", description = "Do not start the dev S3-compatible server")
  boolean noS3;

  @Option(names = "--postgres", description = "Use this PostgreSQL (jdbc:postgresql://...) instead of the embedded one")
  String postgres;

  @Option(names = "--postgres-user", description = "User for --postgres")
  String postgresUser;

  @Option(names = "--postgres-password", description = "Password for --postgres (or AUDITLINE_POSTGRES_PASSWORD)")
  String postgresPassword;

  private Optional<DevS3> devS3 = Optional.empty();

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(data);
    System.out.println("auditline dev: data under " + data.toAbsolutePath());
    DevPki pki = DevPki.ensure(data.resolve("tls"));
    Path producers = DevEnvironment.ensureProducersFile(data);
    List<Component> before = new ArrayList<>();
    String bootstrap = kafka;
    if (bootstrap == null) {
      System.out.println("auditline dev: starting the embedded Kafka broker (data/kafka) ...");
      EmbeddedKafka broker = new EmbeddedKafka(EmbeddedKafkaConfig.defaults(data.resolve("kafka")));
      broker.start();
      broker.leaveShutdownToOwner(); // the lifecycle stops it last, after ingest and the indexer drained
      bootstrap = broker.bootstrapServers();
      before.add(new Runner.AlreadyStarted(broker)); // closed last, after ingest drained into it
    }
    Optional<DevS3> s3 = Optional.empty();
    if (!noS3 && DevS3.jar().isPresent()) {
      System.out.println("auditline dev: starting the dev S3-compatible server (data/s3) ...");
      DevS3 server = new DevS3(data.resolve("s3"), s3Port);
      server.start();
      before.add(new Runner.AlreadyStarted(server));
      s3 = Optional.of(server);
    }
    devS3 = s3;
    AuditlineConfig.Postgres database;
    if (postgres == null) {
      System.out.println("auditline dev: starting the embedded PostgreSQL (data/postgres) ...");
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(EmbeddedPostgresConfig.defaults(data.resolve("postgres")));
      server.start();
      server.leaveShutdownToOwner();
      database = new AuditlineConfig.Postgres(server.jdbcUrl(), server.user(), server.password(), null);
      before.add(new Runner.AlreadyStarted(server));
    } else {
      String password = postgresPassword != null ? postgresPassword : System.getenv("AUDITLINE_POSTGRES_PASSWORD");
      database = new AuditlineConfig.Postgres(postgres, postgresUser, password, null);
    }
    AuditlineConfig config = devConfig(bootstrap, database, new Ports(grpcPort, httpPort, apiPort), producers, pki);
    String kafkaBootstrap = bootstrap;
    return Runner.run(config, before, server -> announce(server, config, kafkaBootstrap, pki, producers));
  }

  /** Listening ports of the dev server; 0 picks a free one. */
  public record Ports(int grpc, int http, int api) {}

  /** Spans the dev server keeps in memory for {@code /admin/traces}: no collector needed. */
  public static final int DEV_KEEP_SPANS = 10_000;

  /** The dev configuration: every role, loopback only, one replica, every trace sampled and kept in memory. */
  public static AuditlineConfig devConfig(
      String bootstrap, AuditlineConfig.Postgres postgres, Ports ports, Path producers, DevPki pki) {
    return new AuditlineConfig(
        List.of("ingest", "store", "api", "logpush", "detect"),
        new AuditlineConfig.Kafka(bootstrap, null, 3, (short) 1, null, null),
        new IngestConfig("127.0.0.1", ports.grpc(), producers, null, null, null, null, null, null, null, null),
        new AuditlineConfig.Tls(pki.serverCert(), pki.serverKey(), pki.caCert()),
        new AuditlineConfig.Http("127.0.0.1", ports.http()),
        new AuditlineConfig.Tracing(1.0, null, null, DEV_KEEP_SPANS),
        postgres,
        null,
        new AuditlineConfig.Api("127.0.0.1", ports.api()),
        // On a laptop the destinations are local: files, or an S3-compatible server on loopback.
        new AuditlineConfig.Logpush(null, null, null, List.of("127.0.0.0/8", "::1/128"), false, true),
        // Alert webhooks to a receiver on this machine, over plain http (see `auditline detect webhook-receiver`).
        new AuditlineConfig.Detect(List.of("127.0.0.0/8", "::1/128"), true, null),
        null);
  }

  private void announce(AuditlineServer server, AuditlineConfig config, String bootstrap, DevPki pki, Path producers) {
    String grpc = "localhost:" + server.ingest().orElseThrow().server().port();
    String http = "http://localhost:" + server.http().port();
    String api = "http://localhost:" + server.api().orElseThrow().port();
    try {
      Path devJson =
          DevEnvironment.writeDevJson(
              data,
              new DevEnvironment.Endpoints(grpc, http, api, bootstrap, config.kafka().topic(), config.postgres(), pki, producers));
      System.out.println(
          """

          Auditline dev is running.
            gRPC ingest (mTLS)   %s
            health               %s/healthz/ready
            metrics              %s/metrics
            traces               %s/admin/traces
            query API            %s/v1/accounts/{account}/audit-logs
            Kafka                %s  (topic %s)
            PostgreSQL           %s
            endpoints and certs  %s

          Send a sample event:   ./auditline send
          Create an API token:   ./auditline tokens create --account demo-account --scope audit_logs:read
          Read it back:          curl -H "Authorization: Bearer <token>" %s/v1/accounts/demo-account/audit-logs
          Follow its trace:      curl '%s/admin/traces?limit=5'   then   curl %s/admin/traces/<trace_id>
          %s
          Stop with Ctrl-C.
          """
              .formatted(grpc, http, http, http, api, bootstrap, config.kafka().topic(), config.postgres().database().redactedUrl(), devJson, api, http, http,
                  devS3.map(s -> "S3-compatible bucket for Logpush jobs (data/s3):\n  s3://%s/logs/{DATE}?endpoint=%s&access_key_id=%s&secret_access_key=%s&region=us-east-1\n"
                      .formatted(DevS3.BUCKET, s.endpoint(), DevS3.ACCESS_KEY, DevS3.SECRET_KEY)).orElse("")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write dev.json", e);
    }
  }
}
