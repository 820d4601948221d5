package io.auditline.embedded.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerIT {

  @TempDir Path dataDir;

  @Test
  void keepsDataPortAndCredentialsAcrossRestarts() throws Exception {
    EmbeddedPostgresConfig config =
        EmbeddedPostgresConfig.defaults(dataDir).withStartTimeout(Duration.ofSeconds(120));
    int port;
    String url;
    String password;
    try (EmbeddedPostgresServer server = new EmbeddedPostgresServer(config)) {
      server.start();
      assertThat(server.check().isHealthy()).isTrue();
      port = server.port();
      url = server.jdbcUrl();
      password = server.password();
      assertThat(url).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/auditline");
      try (Connection c = DriverManager.getConnection(url, server.user(), password);
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE notes (body text)");
        s.execute("INSERT INTO notes VALUES ('kept')");
      }
    }

    try (EmbeddedPostgresServer again = new EmbeddedPostgresServer(config)) {
      again.start();
      assertThat(again.port()).isEqualTo(port);
      assertThat(again.jdbcUrl()).isEqualTo(url);
      assertThat(again.password()).isEqualTo(password);
      try (Connection c = DriverManager.getConnection(url, again.user(), again.password());
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT body FROM notes")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("kept");
      }
    }
  }

  @Test
  void rejectsConnectionsWithoutThePassword() throws Exception {
    try (EmbeddedPostgresServer server =
        new EmbeddedPostgresServer(EmbeddedPostgresConfig.defaults(dataDir))) {
      server.start();
      assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), server.user(), "x"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      assertThatThrownBy(
              () -> DriverManager.getConnection(server.jdbcUrl(server.user()), "postgres", ""))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void storesCredentialsReadableByTheOwnerOnly() throws Exception {
    try (EmbeddedPostgresServer server =
        new EmbeddedPostgresServer(EmbeddedPostgresConfig.defaults(dataDir))) {
      server.start();
      Path file = dataDir.resolve(ServerIdentity.FILE_NAME);
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.readString(file)).contains(server.password());
    }
  }

  @Test
  void runsWithDurableCommitsByDefault() throws Exception {
    try (EmbeddedPostgresServer server =
        new EmbeddedPostgresServer(EmbeddedPostgresConfig.defaults(dataDir))) {
      server.start();
      try (Connection c =
              DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
          Statement s = c.createStatement()) {
        assertThat(show(s, "fsync")).isEqualTo("on");
        assertThat(show(s, "synchronous_commit")).isEqualTo("on");
      }
    }
  }

  @Test
  void createsFurtherDatabasesOwnedByTheApplicationUser() throws Exception {
    try (EmbeddedPostgresServer server =
        new EmbeddedPostgresServer(EmbeddedPostgresConfig.defaults(dataDir))) {
      server.start();
      String url = server.createDatabase("extra_db");
      assertThat(server.createDatabase("extra_db")).isEqualTo(url);
      try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (x int)");
      }
      assertThatThrownBy(() -> server.createDatabase("Bad-Name"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("database: 'Bad-Name'");
    }
  }

  @Test
  void reportsUnhealthyOnceClosed() throws Exception {
    EmbeddedPostgresServer server =
        new EmbeddedPostgresServer(EmbeddedPostgresConfig.defaults(dataDir));
    server.start();
    server.close();
    assertThat(server.check().isHealthy()).isFalse();
    server.close();
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
