package io.auditline.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL connection pool of a service, with the schema migrated to the latest version.
 *
 * <p>{@link #start()} waits for PostgreSQL to accept connections (a database that boots alongside
 * the service is normal), then runs the Flyway migrations in {@code classpath:db/migration}.
 * {@link #check()} answers from a probe that runs every few seconds on a background thread.
 */
public final class Database implements Component {

  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(5);
  // How long a borrower (a query, the probe) waits for a connection before failing.
  private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(5);

  private final DatabaseConfig config;
  private volatile HikariDataSource pool;
  private volatile ScheduledExecutorService prober;
  private volatile Health health = Health.unhealthy("database not started");

  public Database(DatabaseConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "database";
  }

  @Override
  public synchronized void start() throws SQLException, InterruptedException {
    if (pool != null) {
      throw new IllegalStateException("database " + config.redactedUrl() + " is already started");
    }
    new ConnectWait(config).await();
    HikariDataSource started = new HikariDataSource(hikariConfig());
    try {
      migrate(started);
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    pool = started;
    health = Health.healthy();
    prober =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "database-probe");
              t.setDaemon(true);
              return t;
            });
    prober.scheduleWithFixedDelay(
        this::probe, PROBE_INTERVAL.toMillis(), PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The pool; valid between {@link #start()} and {@link #close()}. */
  public DataSource dataSource() {
    DataSource current = pool;
    if (current == null) {
      throw new IllegalStateException("database has not been started yet; call start()");
    }
    return current;
  }

  public DatabaseConfig config() {
    return config;
  }

  @Override
  public Health check() {
    return health;
  }

  @Override
  public synchronized void close() {
    ScheduledExecutorService p = prober;
    if (p != null) {
      p.shutdownNow();
      prober = null;
    }
    HikariDataSource current = pool;
    if (current != null) {
      pool = null;
      current.close();
    }
    health = Health.unhealthy("database closed");
  }

  private void probe() {
    HikariDataSource current = pool;
    if (current == null) {
      return;
    }
    Health previous = health;
    try (Connection c = current.getConnection()) {
      health =
          c.isValid(2)
              ? Health.healthy()
              : Health.unhealthy("PostgreSQL at " + config.redactedUrl() + " did not answer");
    } catch (SQLException e) {
      // The pool's timeout message hides why; the cause says "connection refused" and the like.
      String reason = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      health =
          Health.unhealthy("PostgreSQL at " + config.redactedUrl() + " is unreachable: " + reason);
    }
    if (previous.isHealthy() && !health.isHealthy()) {
      log.atWarn().addKeyValue("url", config.redactedUrl()).addKeyValue("health", health)
          .log("database unreachable");
    } else if (!previous.isHealthy() && health.isHealthy()) {
      log.atInfo().addKeyValue("url", config.redactedUrl()).log("database reachable again");
    }
  }

  private void migrate(DataSource dataSource) {
    Flyway flyway =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    MigrateResult result = flyway.migrate();
    var current = flyway.info().current();
    log.atInfo()
        .addKeyValue("url", config.redactedUrl())
        .addKeyValue("migrations_executed", result.migrationsExecuted)
        .addKeyValue("schema_version", current == null ? null : current.getVersion())
        .log("database schema migrated");
  }

  private HikariConfig hikariConfig() {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("auditline-db");
    hc.setJdbcUrl(config.jdbcUrl());
    if (config.user() != null) {
      hc.setUsername(config.user());
    }
    if (config.password() != null) {
      hc.setPassword(config.password());
    }
    hc.setMaximumPoolSize(config.maxPoolSize());
    // Many services (and test classes) share one server; idle connections are not free.
    hc.setMinimumIdle(Math.min(2, config.maxPoolSize()));
    hc.setConnectionTimeout(BORROW_TIMEOUT.toMillis());
    hc.setValidationTimeout(Duration.ofSeconds(2).toMillis());
    return hc;
  }

  /** Retries connecting until PostgreSQL answers, it refuses for good, or the time is up. */
  private record ConnectWait(DatabaseConfig config) {

    void await() throws SQLException, InterruptedException {
      long deadline = System.nanoTime() + config.connectTimeout().toNanos();
      long pauseMillis = 100;
      boolean announced = false;
      while (true) {
        try (Connection ignored = DriverManager.getConnection(config.jdbcUrl(), properties())) {
          if (announced) {
            log.atInfo().addKeyValue("url", config.redactedUrl()).log("PostgreSQL is reachable");
          }
          return;
        } catch (SQLException e) {
          if (!retryable(e)) {
            throw new SQLException(
                "cannot connect to PostgreSQL at " + config.redactedUrl() + " as " + config.user()
                    + ": " + e.getMessage(), e.getSQLState(), e);
          }
          if (System.nanoTime() >= deadline) {
            throw new SQLException(
                "PostgreSQL at " + config.redactedUrl() + " did not accept connections within "
                    + config.connectTimeout() + ": " + e.getMessage(), e.getSQLState(), e);
          }
          if (!announced) {
            log.atInfo().addKeyValue("url", config.redactedUrl())
                .addKeyValue("timeout", config.connectTimeout())
                .addKeyValue("reason", e.getMessage())
                .log("waiting for PostgreSQL at " + config.redactedUrl());
            announced = true;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        Thread.sleep(Math.max(1, Math.min(pauseMillis, left)));
        pauseMillis = Math.min(pauseMillis * 2, 2_000);
      }
    }

    private Properties properties() {
      Properties props = new Properties();
      if (config.user() != null) {
        props.setProperty("user", config.user());
      }
      if (config.password() != null) {
        props.setProperty("password", config.password());
      }
      props.setProperty("connectTimeout", "5");
      props.setProperty("loginTimeout", "10");
      return props;
    }

    // Connection failures (class 08) and a server still starting up (57P03) pass with time;
    // a wrong password or a missing database does not.
    private static boolean retryable(SQLException e) {
      String state = e.getSQLState();
      return state == null || state.startsWith("08") || "57P03".equals(state);
    }
  }
}
