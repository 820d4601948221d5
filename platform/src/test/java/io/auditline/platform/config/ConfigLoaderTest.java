package io.auditline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  public record Ingest(int port, int maxEventsPerRequest, Duration timeout, DataSize maxMessage,
      boolean tls, List<String> topics) {
    public Ingest {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: %s (expected: 0..65535)".formatted(port));
      }
    }
  }

  public record ServiceConfig(String name, Ingest ingest) {}

  static final ServiceConfig DEFAULTS = new ServiceConfig("auditline",
      new Ingest(8443, 100, Duration.ofSeconds(30), DataSize.ofMebibytes(4), true, List.of("a")));

  @TempDir Path dir;

  private Optional<Path> yaml(String text) throws Exception {
    Path file = dir.resolve("auditline.yaml");
    Files.writeString(file, text);
    return Optional.of(file);
  }

  @Test
  void returnsDefaultsWhenNothingIsSet() {
    assertThat(new ConfigLoader(Map.of()).load(ServiceConfig.class, DEFAULTS, Optional.empty(), Map.of()))
        .isEqualTo(DEFAULTS);
  }

  @Test
  void layersFileThenEnvThenOverrides() throws Exception {
    var file = yaml("""
        name: from-file
        ingest:
          port: 9000
          timeout: 250ms
          maxMessage: 512KiB
        """);
    var env = Map.of(
        "AUDITLINE_INGEST__MAX_EVENTS_PER_REQUEST", "5",
        "AUDITLINE_INGEST__PORT", "9100",
        "AUDITLINE_INGEST__TLS", "false",
        "AUDITLINE_INGEST__TOPICS", "audit, security",
        "AUDITLINE_LOG_FORMAT", "text",
        "PATH", "/usr/bin");

    ServiceConfig config = new ConfigLoader(env).load(ServiceConfig.class, DEFAULTS, file,
        Map.of("ingest.port", "9200", "ingest.timeout", "PT2M"));

    assertThat(config).isEqualTo(new ServiceConfig("from-file", new Ingest(9200, 5,
        Duration.ofMinutes(2), DataSize.ofKibibytes(512), false, List.of("audit", "security"))));
  }

  @Test
  void namesUnknownKeyWithItsPathAndTheKnownKeys() throws Exception {
    var file = yaml("ingest:\n  maxEvents: 3\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(ServiceConfig.class, DEFAULTS, file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auditline.yaml")
        .hasMessageContaining("unknown key 'ingest.maxEvents'")
        .hasMessageContaining("known: maxEventsPerRequest, maxMessage, port, timeout, tls, topics");
  }

  @Test
  void namesTheEnvVarThatSetAnUnknownKey() {
    var env = Map.of("AUDITLINE_INGEST__MAX_EVENTZ", "3");

    assertThatThrownBy(() -> new ConfigLoader(env).load(ServiceConfig.class, DEFAULTS, Optional.empty(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'ingest.maxEventz'")
        .hasMessageContaining("env AUDITLINE_INGEST__MAX_EVENTZ");
  }

  @Test
  void reportsCompactConstructorMessageWithPath() throws Exception {
    var file = yaml("ingest:\n  port: 70000\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(ServiceConfig.class, DEFAULTS, file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auditline.yaml")
        .hasMessageContaining("'ingest'")
        .hasMessageContaining("port: 70000 (expected: 0..65535)");
  }

  @Test
  void rejectsDurationWithoutUnit() throws Exception {
    var file = yaml("ingest:\n  timeout: 30\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(ServiceConfig.class, DEFAULTS, file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'ingest.timeout'")
        .hasMessageContaining("needs a unit");
  }

  @Test
  void rejectsMalformedSizeNamingTheExpectedForms() {
    var overrides = Map.of("ingest.maxMessage", "4 parsecs");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(ServiceConfig.class, DEFAULTS, Optional.empty(), overrides))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'ingest.maxMessage'")
        .hasMessageContaining("4MiB");
  }

  @Test
  void rejectsNonNumericPort() {
    var env = Map.of("AUDITLINE_INGEST__PORT", "eighty");

    assertThatThrownBy(() -> new ConfigLoader(env).load(ServiceConfig.class, DEFAULTS, Optional.empty(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'ingest.port'")
        .hasMessageContaining("env AUDITLINE_INGEST__PORT");
  }

  @Test
  void rejectsOverrideThroughAScalar() {
    var overrides = Map.of("name.first", "x");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(ServiceConfig.class, DEFAULTS, Optional.empty(), overrides))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'name' is a string");
  }

  @Test
  void treatsAnEmptyFileAsNoSettings() throws Exception {
    assertThat(new ConfigLoader(Map.of()).load(ServiceConfig.class, DEFAULTS, yaml(""), Map.of()))
        .isEqualTo(DEFAULTS);
  }

  @Test
  void reportsInvalidYamlWithTheFile() throws Exception {
    var file = yaml("ingest: [unclosed\n");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(ServiceConfig.class, DEFAULTS, file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("auditline.yaml: invalid YAML");
  }

  @Test
  void mapsEnvNamesToCamelCasePaths() {
    assertThat(ConfigTree.envNameToPath("AUDITLINE_INGEST__MAX_EVENTS_PER_REQUEST"))
        .contains("ingest.maxEventsPerRequest");
    assertThat(ConfigTree.envNameToPath("AUDITLINE_ADMIN__PORT")).contains("admin.port");
    assertThat(ConfigTree.envNameToPath("AUDITLINE_A____B")).isEmpty();
    assertThat(ConfigTree.envNameToPath("HOME")).isEmpty();
  }
}
