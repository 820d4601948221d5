package io.auditline.detect.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.auditline.detect.notify.NamedCount;
import io.auditline.detect.policy.Channel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Alerts ({@code detect_alerts}) and, written in the same transactions, the notifications their
 * state changes owe ({@code detect_notifications}, sent by {@link NotificationDispatcher}). Every
 * write is safe to repeat: an evaluation re-run after a crash changes nothing it already changed.
 */
public final class AlertRepository {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String COLUMNS = "id, account_id, policy_id, policy_name, zone_id, detector, state, started_at, last_hot_at,"
      + " resolved_at, window_start, window_end, observed, expected, score, threshold, top_rules::text, top_ips::text,"
      + " top_countries::text";
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;

  public AlertRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The policy's firing alert on the zone, if any. */
  public Optional<Alert> firing(UUID policyId, String zoneId) {
    return first("SELECT " + COLUMNS + " FROM detect_alerts WHERE policy_id = ? AND zone_id = ? AND state = 'firing'",
        policyId, zoneId);
  }

  /** When the policy's latest alert on the zone started. */
  public Optional<Instant> lastStart(UUID policyId, String zoneId) {
    String sql = "SELECT max(started_at) FROM detect_alerts WHERE policy_id = ? AND zone_id = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, policyId);
      ps.setString(2, zoneId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
      }
    } catch (SQLException e) {
      throw new AlertStoreException("cannot read detect_alerts", e);
    }
  }

  /**
   * Opens {@code alert} and queues a "firing" notification per channel, in one transaction. Returns
   * false when another alert of the policy is already firing on the zone (nothing is written then).
   */
  public boolean open(Alert alert, List<Channel> channels) {
    String sql = "INSERT INTO detect_alerts (" + COLUMNS.replace("::text", "") + ") VALUES"
        + " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?::jsonb,?::jsonb,?::jsonb) ON CONFLICT (id) DO NOTHING";
    return inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        ps.setObject(i++, alert.id());
        ps.setString(i++, alert.accountId());
        ps.setObject(i++, alert.policyId());
        ps.setString(i++, alert.policyName());
        ps.setString(i++, alert.zoneId());
        ps.setString(i++, alert.detector());
        ps.setString(i++, alert.state().wireName());
        ps.setTimestamp(i++, Timestamp.from(alert.startedAt()));
        ps.setTimestamp(i++, Timestamp.from(alert.lastHotAt()));
        ps.setTimestamp(i++, alert.resolvedAt().map(Timestamp::from).orElse(null));
        ps.setTimestamp(i++, Timestamp.from(alert.windowStart()));
        ps.setTimestamp(i++, Timestamp.from(alert.windowEnd()));
        ps.setLong(i++, alert.observed());
        ps.setDouble(i++, alert.expected());
        ps.setDouble(i++, alert.score());
        ps.setDouble(i++, alert.threshold());
        ps.setString(i++, counts(alert.topRules()));
        ps.setString(i++, counts(alert.topClientIps()));
        ps.setString(i, counts(alert.topCountries()));
        ps.executeUpdate();
      }
      queue(c, alert.id(), Alert.State.FIRING, channels);
      return true;
    });
  }

  /** Records that the firing alert was still above its threshold at {@code minute}. */
  public void stillHot(UUID alertId, Instant minute) {
    String sql = "UPDATE detect_alerts SET last_hot_at = greatest(last_hot_at, ?), updated_at = now()"
        + " WHERE id = ? AND state = 'firing'";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setTimestamp(1, Timestamp.from(minute));
      ps.setObject(2, alertId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new AlertStoreException("cannot update detect_alerts", e);
    }
  }

  /** Resolves the alert at {@code minute} and queues a "resolved" notification per channel; false if it was not firing. */
  public boolean resolve(UUID alertId, Instant minute, List<Channel> channels) {
    String sql = "UPDATE detect_alerts SET state = 'resolved', resolved_at = ?, updated_at = now()"
        + " WHERE id = ? AND state = 'firing'";
    return inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setTimestamp(1, Timestamp.from(minute));
        ps.setObject(2, alertId);
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      queue(c, alertId, Alert.State.RESOLVED, channels);
      return true;
    });
  }

  /** The account's alerts, newest first, after the cursor {@code (startedAt, id)} when given. */
  public List<Alert> list(String account, AlertQuery query) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM detect_alerts WHERE account_id = ?");
    List<Object> args = new ArrayList<>(List.of(account));
    query.state().ifPresent(s -> {
      sql.append(" AND state = ?");
      args.add(s.wireName());
    });
    query.zoneId().ifPresent(z -> {
      sql.append(" AND zone_id = ?");
      args.add(z);
    });
    query.policyId().ifPresent(p -> {
      sql.append(" AND policy_id = ?");
      args.add(p);
    });
    query.after().ifPresent(cursor -> {
      sql.append(" AND (started_at, id) < (?, ?)");
      args.add(Timestamp.from(cursor.startedAt()));
      args.add(cursor.id());
    });
    sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
    args.add(query.limit());
    return query(sql.toString(), args.toArray());
  }

  public Optional<Alert> get(String account, UUID id) {
    return first("SELECT " + COLUMNS + " FROM detect_alerts WHERE account_id = ? AND id = ?", account, id);
  }

  /** By id alone, for the dispatcher. */
  Optional<Alert> get(UUID id) {
    return first("SELECT " + COLUMNS + " FROM detect_alerts WHERE id = ?", id);
  }

  /** The notifications of one alert, oldest first. */
  public List<NotificationRecord> notifications(UUID alertId) {
    String sql = "SELECT id, state, channel_index, channel_type, status, attempts, last_error, next_attempt_at, finished_at"
        + " FROM detect_notifications WHERE alert_id = ? ORDER BY created_at, state, channel_index";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, alertId);
      List<NotificationRecord> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp finished = rs.getTimestamp(9);
          out.add(new NotificationRecord(rs.getObject(1, UUID.class), Alert.State.fromWire(rs.getString(2)), rs.getInt(3),
              rs.getString(4), rs.getString(5), rs.getInt(6), Optional.ofNullable(rs.getString(7)),
              rs.getTimestamp(8).toInstant(), Optional.ofNullable(finished).map(Timestamp::toInstant)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new AlertStoreException("cannot read detect_notifications", e);
    }
  }

  /** The id of the notification of {@code state} for channel {@code index}: stable, so queueing twice adds nothing. */
  static UUID notificationId(UUID alertId, Alert.State state, int index) {
    return UUID.nameUUIDFromBytes((alertId + "\n" + state.wireName() + "\n" + index).getBytes(StandardCharsets.UTF_8));
  }

  private static void queue(Connection c, UUID alertId, Alert.State state, List<Channel> channels) throws SQLException {
    String sql = "INSERT INTO detect_notifications (id, alert_id, state, channel_index, channel_type) VALUES (?,?,?,?,?)"
        + " ON CONFLICT DO NOTHING";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < channels.size(); i++) {
        ps.setObject(1, notificationId(alertId, state, i));
        ps.setObject(2, alertId);
        ps.setString(3, state.wireName());
        ps.setInt(4, i);
        ps.setString(5, switch (channels.get(i)) {
          case Channel.Webhook w -> "webhook";
          case Channel.Email e -> "email";
        });
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private interface Work {
    boolean run(Connection c) throws SQLException;
  }

  private boolean inTransaction(Work work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException e) {
        c.rollback();
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
          return false; // another alert of the policy is firing on the zone
        }
        throw e;
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new AlertStoreException("cannot write detect_alerts", e);
    }
  }

  private Optional<Alert> first(String sql, Object... args) {
    return query(sql, args).stream().findFirst();
  }

  private List<Alert> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Alert> alerts = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          alerts.add(alert(rs));
        }
      }
      return alerts;
    } catch (SQLException e) {
      throw new AlertStoreException("cannot read detect_alerts", e);
    }
  }

  private static Alert alert(ResultSet rs) throws SQLException {
    Timestamp resolved = rs.getTimestamp(10);
    return new Alert(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
        rs.getString(5), rs.getString(6), Alert.State.fromWire(rs.getString(7)), rs.getTimestamp(8).toInstant(),
        rs.getTimestamp(9).toInstant(), Optional.ofNullable(resolved).map(Timestamp::toInstant),
        rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), rs.getLong(13), rs.getDouble(14),
        rs.getDouble(15), rs.getDouble(16), counts(rs.getString(17)), counts(rs.getString(18)), counts(rs.getString(19)));
  }

  private static String counts(List<NamedCount> counts) {
    ArrayNode array = JSON.createArrayNode();
    counts.forEach(n -> array.addObject().put("name", n.name()).put("count", n.count()));
    return array.toString();
  }

  private static List<NamedCount> counts(String json) throws SQLException {
    try {
      List<NamedCount> out = new ArrayList<>();
      for (JsonNode n : JSON.readTree(json)) {
        out.add(new NamedCount(n.path("name").asText(), n.path("count").asLong()));
      }
      return out;
    } catch (JsonProcessingException e) {
      throw new SQLException("detect_alerts top list is not JSON", e);
    }
  }
}
