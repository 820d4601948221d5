package io.auditline.detect.schedule;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The {@code detect_evaluations} table: one claim per (zone, minute). Times of claims are the database's. */
final class EvaluationClaims {

  /** A (zone, minute) pair. */
  record ZoneMinute(String zoneId, Instant minute) {}

  private final DataSource dataSource;

  EvaluationClaims(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The latest claimed minute of each zone that has one. */
  Map<String, Instant> latestClaims(List<String> zones) throws SQLException {
    String sql = "SELECT z.zone_id, (SELECT max(e.minute) FROM detect_evaluations e WHERE e.zone_id = z.zone_id)"
        + " FROM unnest(?::text[]) AS z(zone_id)";
    Map<String, Instant> latest = new HashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      Array array = c.createArrayOf("text", zones.toArray());
      ps.setArray(1, array);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          OffsetDateTime minute = rs.getObject(2, OffsetDateTime.class);
          if (minute != null) {
            latest.put(rs.getString(1), minute.toInstant());
          }
        }
      }
    }
    return latest;
  }

  /** Claims not done for longer than {@code stale}, of the given zones, oldest first. */
  List<ZoneMinute> staleClaims(List<String> zones, Duration stale) throws SQLException {
    String sql = "SELECT zone_id, minute FROM detect_evaluations WHERE NOT done AND zone_id = ANY(?::text[])"
        + " AND claimed_at < now() - ? * interval '1 millisecond' ORDER BY minute";
    List<ZoneMinute> claims = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", zones.toArray()));
      ps.setLong(2, stale.toMillis());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          claims.add(new ZoneMinute(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()));
        }
      }
    }
    return claims;
  }

  /** Inserts the claim; true if this call created it, false if it already existed. */
  boolean claim(ZoneMinute zm, String owner) throws SQLException {
    String sql = "INSERT INTO detect_evaluations (zone_id, minute, owner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, zm.zoneId());
      ps.setObject(2, utc(zm.minute()));
      ps.setString(3, owner);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * Takes over a claim still not done after {@code stale}; true if this call took it. The condition
   * is re-checked under the row lock, so of two instances racing for the same stale claim one wins.
   */
  boolean reclaim(ZoneMinute zm, String owner, Duration stale) throws SQLException {
    String sql = "UPDATE detect_evaluations SET owner = ?, claimed_at = now() WHERE zone_id = ? AND minute = ?"
        + " AND NOT done AND claimed_at < now() - ? * interval '1 millisecond'";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, owner);
      ps.setString(2, zm.zoneId());
      ps.setObject(3, utc(zm.minute()));
      ps.setLong(4, stale.toMillis());
      return ps.executeUpdate() == 1;
    }
  }

  /** Marks an evaluation finished, so it is never taken over. */
  void complete(ZoneMinute zm) throws SQLException {
    String sql = "UPDATE detect_evaluations SET done = true, done_at = now() WHERE zone_id = ? AND minute = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, zm.zoneId());
      ps.setObject(2, utc(zm.minute()));
      ps.executeUpdate();
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
