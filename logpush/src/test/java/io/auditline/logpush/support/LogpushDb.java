package io.auditline.logpush.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.auditline.logpush.job.BatchLimits;
import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** A fresh database on the shared PostgreSQL with every migration applied, and job fixtures. */
public final class LogpushDb implements AutoCloseable {

  public final HikariDataSource dataSource;

  public LogpushDb(String prefix) {
    this(SharedPostgres.newDatabase(prefix));
  }

  /** Migrates {@code db} and opens a pool on it. */
  public LogpushDb(TestDatabase db) {
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(8);
    dataSource = new HikariDataSource(config);
  }

  /** Inserts an enabled job and returns its id. */
  public UUID insertJob(String account, String name, String destination, BatchLimits limits, Instant startAt) {
    return insertJob(account, name, destination, "{}", null, limits, startAt);
  }

  public UUID insertJob(String account, String name, String destination, String outputOptions, String filter,
      BatchLimits limits, Instant startAt) {
    UUID id = UUID.randomUUID();
    String sql = "INSERT INTO logpush_jobs (id, account_id, name, dataset, destination, destination_redacted, output_options,"
        + " filter, max_age_ms, max_records, max_bytes, enabled, ownership_verified_at, start_at)"
        + " VALUES (?,?,?,'audit_logs',?,?,?::jsonb,?::jsonb,?,?,?,true,now(),?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      ps.setString(2, account);
      ps.setString(3, name);
      ps.setString(4, destination);
      ps.setString(5, destination);
      ps.setString(6, outputOptions);
      ps.setString(7, filter);
      ps.setLong(8, limits.maxAge().toMillis());
      ps.setInt(9, limits.maxRecords());
      ps.setLong(10, limits.maxBytes());
      ps.setTimestamp(11, Timestamp.from(startAt));
      ps.executeUpdate();
      return id;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void execute(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public long queryLong(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public String queryString(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
