package io.auditline.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresConfigTest {

  private final EmbeddedPostgresConfig defaults =
      EmbeddedPostgresConfig.defaults(Path.of("data/postgres"));

  @Test
  void defaultsToLoopbackAndAnyPort() {
    assertThat(defaults.host()).isEqualTo("127.0.0.1");
    assertThat(defaults.port()).isEqualTo(EmbeddedPostgresConfig.ANY_PORT);
    assertThat(defaults.dataDir()).isAbsolute();
  }

  @Test
  void rejectsOutOfRangePort() {
    assertThatThrownBy(() -> defaults.withPort(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port: 70000 (expected: 0 for any free port, or 1-65535)");
  }

  @Test
  void rejectsNonPositiveStartTimeout() {
    assertThatThrownBy(() -> defaults.withStartTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("startTimeout: PT0S (expected: > 0)");
  }

  @Test
  void rejectsSettingNamesThatAreNotParameters() {
    assertThatThrownBy(() -> defaults.withSetting("fsync = off; x", "on"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("settings: 'fsync = off; x'");
  }

  @Test
  void addsSettings() {
    assertThat(defaults.withSetting("fsync", "off").settings()).containsEntry("fsync", "off");
  }
}
