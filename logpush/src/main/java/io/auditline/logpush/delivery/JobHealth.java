package io.auditline.logpush.delivery;

import io.auditline.logpush.job.JobStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/** Writes a job's read-only health columns: last complete delivery, last error and its message. */
final class JobHealth {

  private static final int MAX_MESSAGE = 1000;

  private final DataSource dataSource;

  JobHealth(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  void delivered(UUID jobId, Instant at) {
    update("UPDATE logpush_jobs SET last_complete = ?, consecutive_failures = 0 WHERE id = ?", jobId, at, null);
  }

  void failed(UUID jobId, Instant at, String message) {
    String trimmed = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
    update("UPDATE logpush_jobs SET last_error = ?, error_message = ?, consecutive_failures = consecutive_failures + 1"
        + " WHERE id = ?", jobId, at, trimmed);
  }

  private void update(String sql, UUID jobId, Instant at, String message) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setTimestamp(i++, Timestamp.from(at));
      if (message != null) {
        ps.setString(i++, message);
      }
      ps.setObject(i, jobId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new JobStoreException("updating logpush job health failed", e);
    }
  }
}
