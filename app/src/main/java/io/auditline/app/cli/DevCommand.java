package io.auditline.app.cli;

import io.auditline.app.AuditlineServer;
import io.auditline.app.config.AuditlineConfig;
import io.auditline.app.dev.DevEnvironment;
import io.auditline.app.dev.DevPki;
import io.auditline.embedded.kafka.EmbeddedKafka;
import io.auditline.embedded.kafka.EmbeddedKafkaConfig;
import io.auditline.ingest.IngestConfig;
import io.auditline.platform.lifecycle.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
      bootstrap = broker.bootstrapServers();
      before.add(new Runner.AlreadyStarted(broker)); // closed last, after ingest drained into it
    }
    AuditlineConfig config = devConfig(bootstrap, grpcPort, httpPort, producers, pki);
    String kafkaBootstrap = bootstrap;
    return Runner.run(config, before, server -> announce(server, config, kafkaBootstrap, pki, producers));
  }

  /** The dev configuration: loopback only, one replica, every trace sampled. */
  public static AuditlineConfig devConfig(String bootstrap, int grpcPort, int httpPort, Path producers, DevPki pki) {
    return new AuditlineConfig(
        List.of("ingest"),
        new AuditlineConfig.Kafka(bootstrap, null, 3, (short) 1, null, null),
        new IngestConfig("127.0.0.1", grpcPort, producers, null, null, null, null, null, null, null, null),
        new AuditlineConfig.Tls(pki.serverCert(), pki.serverKey(), pki.caCert()),
        new AuditlineConfig.Http("127.0.0.1", httpPort),
        new AuditlineConfig.Tracing(1.0));
  }

  private void announce(AuditlineServer server, AuditlineConfig config, String bootstrap, DevPki pki, Path producers) {
    String grpc = "localhost:" + server.ingest().orElseThrow().server().port();
    String http = "http://localhost:" + server.http().port();
    try {
      Path devJson =
          DevEnvironment.writeDevJson(
              data, new DevEnvironment.Endpoints(grpc, http, bootstrap, config.kafka().topic(), pki, producers));
      System.out.println(
          """

          Auditline dev is running.
            gRPC ingest (mTLS)   %s
            health               %s/healthz/ready
            metrics              %s/metrics
            Kafka                %s  (topic %s)
            endpoints and certs  %s

          Send a sample event with:  ./auditline send
          Stop with Ctrl-C.
          """
              .formatted(grpc, http, http, bootstrap, config.kafka().topic(), devJson));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write dev.json", e);
    }
  }
}
