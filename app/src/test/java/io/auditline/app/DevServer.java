package io.auditline.app;

import io.auditline.app.cli.DevCommand;
import io.auditline.app.dev.DevEnvironment;
import io.auditline.app.dev.DevPki;
import io.auditline.app.config.AuditlineConfig;
import io.auditline.app.tracing.ProcessTracing;
import io.auditline.platform.metrics.Metrics;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The dev configuration assembled by the real composition root, on free ports, against the shared broker. */
final class DevServer implements AutoCloseable {

  final Path data;
  final DevPki pki;
  final AuditlineServer server;
  final Metrics metrics;
  final Path devJson;
  final ProcessTracing tracing;

  DevServer() throws Exception {
    data = Files.createTempDirectory("auditline-dev");
    pki = DevPki.ensure(data.resolve("tls"));
    Path producers = DevEnvironment.ensureProducersFile(data);
    TestDatabase db = SharedPostgres.newDatabase("dev");
    AuditlineConfig.Postgres postgres = new AuditlineConfig.Postgres(db.jdbcUrl(), db.user(), db.password(), null);
    AuditlineConfig config =
        DevCommand.devConfig(SharedKafka.bootstrapServers(), postgres, new DevCommand.Ports(0, 0, 0), producers, pki);
    metrics = Metrics.create("auditline-test");
    tracing = ProcessTracing.create(config.tracing());
    server = AuditlineServer.assemble(config, metrics, tracing.sdk(), List.of());
    tracing.mount(server.http(), config.http().admin());
    server.lifecycle().start();
    devJson =
        DevEnvironment.writeDevJson(
            data,
            new DevEnvironment.Endpoints(
                "localhost:" + grpcPort(), "http://localhost:" + server.http().port(), apiUrl(), SharedKafka.bootstrapServers(),
                config.kafka().topic(), postgres, pki, producers));
  }

  String apiUrl() {
    return "http://localhost:" + server.api().orElseThrow().port();
  }

  int grpcPort() {
    return server.ingest().orElseThrow().server().port();
  }

  String http(String path) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var response =
        client.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + server.http().port() + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  @Override
  public void close() {
    server.lifecycle().close();
  }
}
