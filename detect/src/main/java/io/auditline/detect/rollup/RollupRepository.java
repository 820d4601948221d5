package io.auditline.detect.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the stored rollups back as a time series, zero-filled, in buckets of a {@link Step}. */
public final class RollupRepository {

  /** The most buckets one series may have, so that a request cannot ask for an unbounded answer. */
  public static final int MAX_POINTS = 10_080;

  private final DataSource dataSource;

  public RollupRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * The counts of {@code zone} from {@code from} (inclusive) to {@code to} (exclusive), in buckets of
   * {@code step} aligned to {@code from}; empty buckets are zeros.
   */
  public List<SeriesPoint> timeseries(String account, String zone, Instant from, Instant to, Step step,
      SeriesFilter filter) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from: %s (expected: before to %s)".formatted(from, to));
    }
    long stepSeconds = step.width().toSeconds();
    long buckets = (to.getEpochSecond() - from.getEpochSecond() + stepSeconds - 1) / stepSeconds;
    if (buckets > MAX_POINTS) {
      throw new IllegalArgumentException("range: %d buckets (expected: <= %d)".formatted(buckets, MAX_POINTS));
    }
    String count = switch (filter) {
      case SeriesFilter.All all -> "total";
      case SeriesFilter.ByAction a -> "coalesce((by_action ->> ?)::bigint, 0)";
      case SeriesFilter.BySource s -> "coalesce((by_source ->> ?)::bigint, 0)";
      case SeriesFilter.ByRule r -> "coalesce((by_rule ->> ?)::bigint, 0)";
    };
    String key = switch (filter) {
      case SeriesFilter.All all -> null;
      case SeriesFilter.ByAction a -> a.action();
      case SeriesFilter.BySource s -> s.source();
      case SeriesFilter.ByRule r -> r.rule();
    };
    String sql = "SELECT date_bin(?::interval, minute, ?) AS bucket, sum(" + count + ") FROM security_rollups"
        + " WHERE account_id = ? AND zone_id = ? AND minute >= ? AND minute < ? GROUP BY bucket";
    Map<Instant, Long> sums = new HashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setString(i++, stepSeconds + " seconds");
      ps.setTimestamp(i++, Timestamp.from(from));
      if (key != null) {
        ps.setString(i++, key);
      }
      ps.setString(i++, account);
      ps.setString(i++, zone);
      ps.setTimestamp(i++, Timestamp.from(from));
      ps.setTimestamp(i, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sums.put(rs.getTimestamp(1).toInstant(), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new RollupStoreException("cannot read security_rollups", e);
    }
    List<SeriesPoint> points = new ArrayList<>((int) buckets);
    for (Instant t = from; t.isBefore(to); t = t.plus(step.width())) {
      points.add(new SeriesPoint(t, sums.getOrDefault(t, 0L)));
    }
    return points;
  }

  /**
   * The zone's count in every minute of [{@code from}, {@code to}), oldest first: its total, or with a
   * policy id the events that policy's filters matched; minutes without a row are 0.
   */
  public long[] minuteCounts(String zone, Instant from, Instant to, Optional<String> policyId) {
    long minutes = Duration.between(from, to).toMinutes();
    if (minutes < 0 || minutes > 8 * MAX_POINTS) {
      throw new IllegalArgumentException("range: %d minutes (expected: 0 to %d)".formatted(minutes, 8 * MAX_POINTS));
    }
    long[] counts = new long[(int) minutes];
    String count = policyId.isPresent() ? "coalesce((by_policy ->> ?)::bigint, 0)" : "total";
    String sql = "SELECT minute, " + count + " FROM security_rollups WHERE zone_id = ? AND minute >= ? AND minute < ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (policyId.isPresent()) {
        ps.setString(i++, policyId.get());
      }
      ps.setString(i++, zone);
      ps.setTimestamp(i++, Timestamp.from(from));
      ps.setTimestamp(i, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long index = Duration.between(from, rs.getTimestamp(1).toInstant()).toMinutes();
          counts[(int) index] = rs.getLong(2);
        }
      }
    } catch (SQLException e) {
      throw new RollupStoreException("cannot read security_rollups", e);
    }
    return counts;
  }

  /** The zone's top {@code n} rules, client IPs and countries over [{@code from}, {@code to}). */
  public ZoneTops tops(String zone, Instant from, Instant to, int n) {
    try (Connection c = dataSource.getConnection()) {
      return new ZoneTops(top(c, "by_rule", zone, from, to, n), top(c, "top_ips", zone, from, to, n),
          top(c, "top_countries", zone, from, to, n));
    } catch (SQLException e) {
      throw new RollupStoreException("cannot read security_rollups", e);
    }
  }

  private static Map<String, Long> top(Connection c, String column, String zone, Instant from, Instant to, int n)
      throws SQLException {
    // "other" sums what fell out of a minute's top N, and "" is an event without the attribute: neither names anyone.
    String sql = "SELECT key, sum(value::bigint) AS n FROM security_rollups, jsonb_each_text(" + column + ")"
        + " WHERE zone_id = ? AND minute >= ? AND minute < ? AND key NOT IN ('other', '')"
        + " GROUP BY key ORDER BY n DESC, key LIMIT ?";
    Map<String, Long> top = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, zone);
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(to));
      ps.setInt(4, n);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          top.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return top;
  }

  /** The zones of these accounts that had security events since {@code since}. */
  public List<String> zonesOf(Collection<String> accounts, Instant since) {
    if (accounts.isEmpty()) {
      return List.of();
    }
    String sql = "SELECT DISTINCT zone_id FROM security_rollups WHERE account_id = ANY (?) AND minute >= ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", accounts.toArray()));
      ps.setTimestamp(2, Timestamp.from(since));
      List<String> zones = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          zones.add(rs.getString(1));
        }
      }
      return zones;
    } catch (SQLException e) {
      throw new RollupStoreException("cannot read security_rollups", e);
    }
  }

  /** The account a zone's security events belong to, if it ever had any. */
  public Optional<String> accountOf(String zone) {
    String sql = "SELECT account_id FROM security_rollups WHERE zone_id = ? LIMIT 1";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, zone);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new RollupStoreException("cannot read security_rollups", e);
    }
  }

  /** The zone's first stored minute at or after {@code from}: before it the zone had no events at all. */
  public Optional<Instant> firstMinute(String zone, Instant from) {
    String sql = "SELECT min(minute) FROM security_rollups WHERE zone_id = ? AND minute >= ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, zone);
      ps.setTimestamp(2, Timestamp.from(from));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Timestamp t = rs.getTimestamp(1);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
      }
    } catch (SQLException e) {
      throw new RollupStoreException("cannot read security_rollups", e);
    }
  }
}
