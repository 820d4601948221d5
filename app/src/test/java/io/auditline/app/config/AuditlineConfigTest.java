package io.auditline.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.logpush.LogpushSettings;
import io.auditline.platform.config.ConfigException;
import io.auditline.platform.config.ConfigLoader;
import io.auditline.platform.config.DataSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditlineConfigTest {

  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    Path file = dir.resolve("auditline.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static final String MINIMAL =
      """
      kafka:
        bootstrapServers: k1:9092,k2:9092
      postgres:
        jdbcUrl: jdbc:postgresql://db:5432/auditline
        user: auditline
        password: s3cret
      tls:
        certChain: server.pem
        privateKey: server-key.pem
        trustedCa: ca.pem
      ingest:
        producersFile: producers.yaml
        maxEventSize: 32KiB
        idempotencyWindow: 15m
      """;

  @Test
  void readsTheFileAndFillsDefaults() throws Exception {
    AuditlineConfig config = new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(yaml(MINIMAL)), Map.of());

    assertThat(config.roles()).containsExactly("ingest", "store", "api", "logpush", "detect");
    assertThat(config.kafka().settings().bootstrapServers()).isEqualTo("k1:9092,k2:9092");
    assertThat(config.kafka().topic()).isEqualTo("audit.events.v1");
    assertThat(config.ingest().maxEventSize()).isEqualTo(DataSize.ofKibibytes(32));
    assertThat(config.ingest().idempotencyWindow()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.ingest().maxEventsPerRequest()).isEqualTo(1000);
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.logpush().settings()).isEqualTo(LogpushSettings.defaults());
  }

  @Test
  void environmentAndOverridesWinOverTheFile() throws Exception {
    AuditlineConfig config =
        new ConfigLoader(Map.of("AUDITLINE_INGEST__MAX_EVENTS_PER_REQUEST", "250"))
            .load(AuditlineConfig.class, Optional.of(yaml(MINIMAL)), Map.of("kafka.bootstrapServers", "other:9092"));

    assertThat(config.ingest().maxEventsPerRequest()).isEqualTo(250);
    assertThat(config.kafka().bootstrapServers()).isEqualTo("other:9092");
  }

  @Test
  void readsTheTracingKeysAndDefaultsToSamplingATenthWithoutExport() throws Exception {
    AuditlineConfig defaults = new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(yaml(MINIMAL)), Map.of());
    assertThat(defaults.tracing().sampleRatio()).isEqualTo(0.1);
    assertThat(defaults.tracing().otlpEndpoint()).isNull();
    assertThat(defaults.tracing().keepSpans()).isZero();

    AuditlineConfig config =
        new ConfigLoader(Map.of("AUDITLINE_TRACING__OTLP_ENDPOINT", "http://collector:4318"))
            .load(AuditlineConfig.class, Optional.of(yaml(MINIMAL + "tracing:\n  sampleRatio: 0.01\n  keepSpans: 500\n")),
                Map.of("tracing.otlpProtocol", "http/protobuf"));

    assertThat(config.tracing().sampleRatio()).isEqualTo(0.01);
    assertThat(config.tracing().otlpEndpoint()).hasToString("http://collector:4318");
    assertThat(config.tracing().protocol()).isEqualTo(io.auditline.platform.tracing.Tracing.OtlpProtocol.HTTP_PROTOBUF);
    assertThat(config.tracing().keepSpans()).isEqualTo(500);
  }

  @Test
  void rejectsAnUnknownOtlpProtocol() throws Exception {
    assertThatThrownBy(() -> new ConfigLoader(Map.of())
            .load(AuditlineConfig.class, Optional.of(yaml(MINIMAL)), Map.of("tracing.otlpProtocol", "thrift")))
        .hasMessageContaining("grpc or http/protobuf");
  }

  @Test
  void rejectsAnUnknownKeyNamingIt() throws Exception {
    Path file = yaml(MINIMAL + "  maxEvents: 5\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("ingest.maxEvents");
  }

  @Test
  void rejectsABurstSmallerThanABatch() throws Exception {
    Path file = yaml(MINIMAL + "  rateBurstEvents: 10\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rateBurstEvents: 10 (expected: >= maxEventsPerRequest 1000");
  }

  @Test
  void requiresTlsForTheIngestRole() throws Exception {
    Path file = yaml("roles: [ingest]\nkafka:\n  bootstrapServers: k:9092\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("tls: missing");
  }

  @Test
  void requiresPostgresForTheStoreAndApiRoles() throws Exception {
    Path file = yaml("roles: [store]\n");
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(file), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("postgres: missing");
  }

  @Test
  void neverPrintsThePostgresPassword() throws Exception {
    AuditlineConfig config = new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(yaml(MINIMAL)), Map.of());
    assertThat(config.toString()).doesNotContain("s3cret");
    assertThat(config.store().retention()).isEqualTo(java.time.Period.ofMonths(18));
    assertThat(config.api().port()).isEqualTo(8081);
  }

  @Test
  void rejectsAnUnknownRole() throws Exception {
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(yaml(MINIMAL)), Map.of("roles", "ingest,teleport")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown role 'teleport'");
  }

  @Test
  void readsTheAdminTokenFromTheEnvironmentAndNeverPrintsIt() throws Exception {
    AuditlineConfig config = new ConfigLoader(Map.of("AUDITLINE_HTTP__ADMIN_TOKEN", "0123456789abcdef-admin"))
        .load(AuditlineConfig.class, Optional.of(yaml(MINIMAL)), Map.of());

    assertThat(config.http().admin().required()).isTrue();
    assertThat(config.http().admin().accepts("Bearer 0123456789abcdef-admin")).isTrue();
    assertThat(config.toString()).doesNotContain("0123456789abcdef-admin");
  }

  @Test
  void noAdminTokenByDefault() throws Exception {
    AuditlineConfig config = new ConfigLoader(Map.of()).load(AuditlineConfig.class, Optional.of(yaml(MINIMAL)), Map.of());

    assertThat(config.http().admin().required()).isFalse();
  }

  @Test
  void rejectsAShortAdminToken() {
    assertThatThrownBy(() -> new AuditlineConfig.Http(null, null, "short"))
        .hasMessageContaining("http.adminToken: 5 characters (expected: at least 16");
  }
}
