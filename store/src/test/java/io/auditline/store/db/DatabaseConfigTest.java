package io.auditline.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/auditline";

  @Test
  void fillsDefaultsForMissingPoolSizeAndTimeout() {
    DatabaseConfig config = new DatabaseConfig(URL, "auditline", "s3cret", null, null);
    assertThat(config.maxPoolSize()).isEqualTo(DatabaseConfig.DEFAULT_MAX_POOL_SIZE);
    assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void masksThePasswordInToString() {
    DatabaseConfig config = DatabaseConfig.of(URL, "auditline", "s3cret");
    assertThat(config.toString()).doesNotContain("s3cret").contains("password=***");
  }

  @Test
  void masksAPasswordInTheUrl() {
    DatabaseConfig config = DatabaseConfig.of(URL + "?user=a&password=s3cret&ssl=true", null, null);
    assertThat(config.redactedUrl()).isEqualTo(URL + "?user=a&password=***&ssl=true");
    assertThat(config.toString()).doesNotContain("s3cret");
  }

  @Test
  void rejectsUrlsOfOtherDatabases() {
    assertThatThrownBy(() -> DatabaseConfig.of("jdbc:mysql://db/x", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jdbcUrl: 'jdbc:mysql://db/x' (expected: jdbc:postgresql://host:port/database)");
  }

  @Test
  void rejectsNonPositivePoolSize() {
    assertThatThrownBy(() -> DatabaseConfig.of(URL, null, null).withMaxPoolSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxPoolSize: 0 (expected: 1-1000)");
  }

  @Test
  void rejectsNonPositiveConnectTimeout() {
    assertThatThrownBy(() -> DatabaseConfig.of(URL, null, null).withConnectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("connectTimeout: PT0S (expected: > 0)");
  }
}
