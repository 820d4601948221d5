package io.auditline.platform.startup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Reaches PostgreSQL by opening (and closing) one JDBC connection. A refusal that waiting will not
 * fix, such as a wrong password or a missing database, is {@link Dependency.Misconfigured}.
 */
public final class JdbcProbe implements Dependency.Probe {

  private final String jdbcUrl;
  private final String user;
  private final String password;

  public JdbcProbe(String jdbcUrl, String user, String password) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
  }

  /** PostgreSQL at {@code jdbcUrl}; {@code redactedUrl} is what messages show. */
  public static Dependency postgres(String jdbcUrl, String redactedUrl, String user, String password) {
    return new Dependency("PostgreSQL", redactedUrl, new JdbcProbe(jdbcUrl, user, password));
  }

  @Override
  public void probe(Duration timeout) throws SQLException, Dependency.Misconfigured {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
    props.setProperty("connectTimeout", seconds);
    props.setProperty("loginTimeout", seconds);
    try (Connection ignored = DriverManager.getConnection(jdbcUrl, props)) {
      // reachable, and it let us in
    } catch (SQLException e) {
      if (retryable(e)) {
        throw e;
      }
      throw new Dependency.Misconfigured(e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
    }
  }

  // Connection failures (class 08) and a server still starting up (57P03) pass with time;
  // a wrong password (28P01) or a missing database (3D000) do not. No state: no driver or no answer.
  private static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    return state == null || state.startsWith("08") || "57P03".equals(state);
  }
}
