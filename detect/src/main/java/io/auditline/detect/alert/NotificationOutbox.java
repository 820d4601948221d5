package io.auditline.detect.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The queue of {@code detect_notifications}: leases due rows to one sender at a time (a lease that
 * runs out, because its sender died, makes the row due again) and records each attempt's outcome.
 */
final class NotificationOutbox {

  /** A leased notification; {@code attempt} counts this one. */
  record Leased(UUID id, UUID alertId, Alert.State state, int channelIndex, int attempt) {}

  private static final int MAX_ERROR_LENGTH = 500;

  private final DataSource dataSource;

  NotificationOutbox(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  List<Leased> lease(int limit, Duration leaseFor, Instant now) {
    String sql = """
        UPDATE detect_notifications SET lease_until = ?, attempts = attempts + 1
        WHERE id IN (SELECT id FROM detect_notifications
                     WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
                     ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING id, alert_id, state, channel_index, attempts""";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(now.plus(leaseFor)));
      ps.setTimestamp(2, Timestamp.from(now));
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setInt(4, limit);
      List<Leased> leased = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          leased.add(new Leased(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
              Alert.State.fromWire(rs.getString(3)), rs.getInt(4), rs.getInt(5)));
        }
      }
      return leased;
    } catch (SQLException e) {
      throw new AlertStoreException("cannot lease detect_notifications", e);
    }
  }

  void delivered(UUID id, Instant now) {
    finish(id, "delivered", null, now);
  }

  void failed(UUID id, String error, Instant now) {
    finish(id, "failed", error, now);
  }

  void retryAt(UUID id, Instant at, String error) {
    update("UPDATE detect_notifications SET next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ?",
        Timestamp.from(at), truncate(error), id);
  }

  private void finish(UUID id, String status, String error, Instant now) {
    update("UPDATE detect_notifications SET status = ?, last_error = coalesce(?, last_error), finished_at = ?,"
        + " lease_until = NULL WHERE id = ?", status, truncate(error), Timestamp.from(now), id);
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new AlertStoreException("cannot update detect_notifications", e);
    }
  }

  private static String truncate(String error) {
    return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
