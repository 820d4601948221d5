package io.auditline.detect.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.auditline.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/** A database on the shared PostgreSQL with the detect migrations applied, and a pool on it. */
final class DetectDb implements AutoCloseable {

  final HikariDataSource dataSource;

  DetectDb(TestDatabase db) {
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
    dataSource = pool(db.jdbcUrl(), db.user(), db.password());
  }

  static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(4);
    return new HikariDataSource(config);
  }

  void execute(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      ps.execute();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  long queryLong(String sql, Object... args) {
    List<List<Object>> rows = query(sql, args);
    return rows.isEmpty() || rows.get(0).get(0) == null ? 0 : ((Number) rows.get(0).get(0)).longValue();
  }

  /** Every row of the result, each as its column values. */
  List<List<Object>> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            Object value = rs.getObject(i);
            row.add(value instanceof Timestamp ts ? ts.toInstant().atOffset(ZoneOffset.UTC) : value);
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
