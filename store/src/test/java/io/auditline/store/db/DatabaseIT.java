package io.auditline.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.auditline.embedded.postgres.EmbeddedPostgresConfig;
import io.auditline.embedded.postgres.EmbeddedPostgresServer;
import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseIT {

  @TempDir Path dataDir;

  @Test
  void migratesTheSchemaOnStart() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("database_it");
    try (Database database = new Database(DatabaseConfig.of(db.jdbcUrl(), db.user(), db.password()))) {
      database.start();
      assertThat(database.check().isHealthy()).isTrue();
      assertThat(query(database, "SELECT to_regclass('audit_events')::text")).isEqualTo("audit_events");
      assertThat(query(database, "SELECT to_regclass('api_tokens')::text")).isEqualTo("api_tokens");
    }
  }

  @Test
  void startsAgainOnAnAlreadyMigratedDatabase() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("database_it");
    DatabaseConfig config = DatabaseConfig.of(db.jdbcUrl(), db.user(), db.password());
    try (Database first = new Database(config)) {
      first.start();
    }
    try (Database second = new Database(config)) {
      second.start();
      assertThat(query(second, "SELECT count(*) FROM flyway_schema_history WHERE version = '1'"))
          .isEqualTo("1");
    }
  }

  @Test
  void failsNamingTheUrlButNotThePasswordWhenNothingListens() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/auditline";
    DatabaseConfig config =
        DatabaseConfig.of(url, "auditline", "hunter2-secret").withConnectTimeout(Duration.ofMillis(500));
    try (Database database = new Database(config)) {
      assertThatThrownBy(database::start)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("PostgreSQL at " + url + " did not accept connections within PT0.5S")
          .hasMessageNotContaining("hunter2-secret");
      assertThat(database.check().isHealthy()).isFalse();
    }
  }

  @Test
  void failsAtOnceOnAWrongPassword() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("database_it");
    DatabaseConfig config =
        DatabaseConfig.of(db.jdbcUrl(), db.user(), "wrong-password").withConnectTimeout(Duration.ofHours(1));
    try (Database database = new Database(config)) {
      assertThatThrownBy(database::start)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("cannot connect to PostgreSQL at " + db.jdbcUrl() + " as " + db.user())
          .hasMessageNotContaining("wrong-password");
    }
  }

  @Test
  void waitsForPostgresAndReportsItsOutages() throws Exception {
    EmbeddedPostgresServer server =
        new EmbeddedPostgresServer(
            EmbeddedPostgresConfig.defaults(dataDir).withStartTimeout(Duration.ofSeconds(120)));
    try (server) {
      // Learn the address and credentials of the data dir, then start the service before the server.
      server.start();
      DatabaseConfig config =
          DatabaseConfig.of(server.jdbcUrl(), server.user(), server.password())
              .withConnectTimeout(Duration.ofSeconds(120));
      server.close();

      try (Database database = new Database(config)) {
        CompletableFuture<Void> started =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    database.start();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        server.start();
        started.get();
        assertThat(database.check().isHealthy()).isTrue();

        server.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> !database.check().isHealthy());
        assertThat(database.check().toString()).contains(server.jdbcUrl()).doesNotContain(server.password());

        server.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> database.check().isHealthy());
      }
    }
  }

  private static String query(Database database, String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
