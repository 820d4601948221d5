package io.auditline.app;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource that resolves the real pool on each use, so components can be wired before the {@link
 * io.auditline.store.db.Database} they depend on has started (the lifecycle starts it first).
 */
final class DeferredDataSource implements DataSource {

  private final Supplier<DataSource> target;

  DeferredDataSource(Supplier<DataSource> target) {
    this.target = target;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target.get().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target.get().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.get().getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.get().setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.get().setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.get().getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.get().getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return target.get().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return target.get().isWrapperFor(iface);
  }
}
