package io.auditline.app.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.app.config.AuditlineConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Files of the dev environment under {@code ./data}: the producers file and {@code dev.json}. */
public final class DevEnvironment {

  private static final String PRODUCERS =
      """
      # Which producer identity (SPIFFE id or certificate CN) may write which accounts and action types.
      # "*" allows any; action types match by prefix ("zone." allows "zone.settings.update").
      producers:
        - identity: %s
          accounts: ["*"]
          actionTypes: ["*"]
          securityEvents: true
      """;

  private DevEnvironment() {}

  /** Writes the dev producers file unless it exists (the user may have edited it). */
  public static Path ensureProducersFile(Path dataDir) throws IOException {
    Path file = dataDir.resolve("producers.yaml");
    if (!Files.exists(file)) {
      Files.writeString(file, PRODUCERS.formatted(DevPki.DEMO_PRODUCER));
    }
    return file;
  }

  /** What {@code dev.json} says: every endpoint and the certificate paths. */
  public record Endpoints(
      String grpc,
      String http,
      String api,
      String kafkaBootstrap,
      String topic,
      AuditlineConfig.Postgres postgres,
      DevPki pki,
      Path producersFile) {

    public Map<String, Object> toJson() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("grpc", grpc);
      json.put("http", http);
      json.put("health", http + "/healthz/ready");
      json.put("metrics", http + "/metrics");
      json.put("api", api);
      Map<String, Object> pg = new LinkedHashMap<>();
      pg.put("jdbcUrl", postgres.jdbcUrl());
      pg.put("user", postgres.user());
      // A local dev database on loopback: the CLI reads this to create tokens. Never in production.
      pg.put("password", postgres.password());
      json.put("postgres", pg);
      json.put("kafka", Map.of("bootstrapServers", kafkaBootstrap, "topic", topic));
      Map<String, Object> tls = new LinkedHashMap<>();
      tls.put("ca", pki.caCert().toAbsolutePath().toString());
      tls.put("serverCert", pki.serverCert().toAbsolutePath().toString());
      tls.put("producerCert", pki.producerCert().toAbsolutePath().toString());
      tls.put("producerKey", pki.producerKey().toAbsolutePath().toString());
      tls.put("producerIdentity", DevPki.DEMO_PRODUCER);
      json.put("tls", tls);
      json.put("producersFile", producersFile.toAbsolutePath().toString());
      return json;
    }
  }

  public static Path writeDevJson(Path dataDir, Endpoints endpoints) throws IOException {
    Path file = dataDir.resolve("dev.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), endpoints.toJson());
    try { // it holds the dev database password
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // nothing to tighten on this file system
    }
    return file;
  }

  /** Reads {@code dev.json} back, for {@code auditline send}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readDevJson(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IOException(file + " not found: start `./auditline dev` first (it writes this file), or pass --target/--ca/--cert/--key");
    }
    return new ObjectMapper().readValue(file.toFile(), Map.class);
  }
}
