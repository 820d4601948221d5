package io.auditline.testkit.postgres;

import io.auditline.testkit.TempDirs;
import io.auditline.testkit.secrets.TestSecrets;
import io.auditline.embedded.postgres.EmbeddedPostgresConfig;
import io.auditline.embedded.postgres.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM, started on first use in a temporary directory and
 * removed when the JVM exits; each test class asks it for a database of its own.
 *
 * <p>Safe to call from any number of test classes and threads. Tests must not stop this server;
 * a test that needs to stop or restart PostgreSQL starts its own {@link EmbeddedPostgresServer}.
 */
public final class SharedPostgres {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static EmbeddedPostgresServer server;
  private static RuntimeException failure;

  private SharedPostgres() {}

  /**
   * Creates an empty database named after {@code prefix} plus a sequence number, owned by the
   * returned user, starting the shared server if this is the first call.
   *
   * @param prefix a readable hint such as {@code "indexer_it"}; other characters than letters,
   *     digits and {@code _} are replaced
   */
  public static TestDatabase newDatabase(String prefix) {
    EmbeddedPostgresServer shared = server();
    String name = databaseName(prefix, SEQUENCE.incrementAndGet());
    try {
      String url = shared.createDatabase(name);
      return new TestDatabase(url, shared.user(), shared.password());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
  }

  static String databaseName(String prefix, int sequence) {
    String cleaned = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_]", "_");
    if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
      cleaned = "db_" + cleaned;
    }
    String suffix = "_" + sequence;
    return cleaned.substring(0, Math.min(cleaned.length(), 63 - suffix.length())) + suffix;
  }

  private static synchronized EmbeddedPostgresServer server() {
    if (failure != null) {
      throw new IllegalStateException("the shared PostgreSQL failed to start earlier", failure);
    }
    if (server == null) {
      try {
        server = start();
      } catch (Exception e) {
        failure = new IllegalStateException("the shared PostgreSQL failed to start", e);
        throw failure;
      }
    }
    return server;
  }

  private static EmbeddedPostgresServer start() throws Exception {
    Path dataDir = Files.createTempDirectory("auditline-postgres-");
    // The data is thrown away with the JVM, so durability only costs time here; CI machines are
    // slow and busy, so a test JVM would rather wait than fail spuriously.
    EmbeddedPostgresConfig config =
        EmbeddedPostgresConfig.defaults(dataDir)
            .withStartTimeout(Duration.ofSeconds(120))
            .withSetting("fsync", "off")
            .withSetting("synchronous_commit", "off")
            .withSetting("full_page_writes", "off");
    EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(config);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> discard(postgres, dataDir), "shared-postgres-cleanup"));
    postgres.start();
    TestSecrets.remember("shared PostgreSQL password", postgres.password());
    return postgres;
  }

  private static void discard(EmbeddedPostgresServer postgres, Path dataDir) {
    try {
      postgres.close();
      TempDirs.deleteRecursively(dataDir);
    } catch (IOException e) {
      System.err.println("shared PostgreSQL cleanup of " + dataDir + " failed: " + e);
    }
  }
}
