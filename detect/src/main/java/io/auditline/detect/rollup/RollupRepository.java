package io.auditline.detect.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
}
