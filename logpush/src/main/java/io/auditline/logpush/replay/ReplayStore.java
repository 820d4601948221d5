package io.auditline.logpush.replay;

import io.auditline.logpush.job.JobStoreException;
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

/** Replays and their progress in PostgreSQL ({@code logpush_replays}). */
public final class ReplayStore {

  private static final String COLUMNS = "id, job_id, account_id, since, before, state, source, total_records,"
      + " delivered_records, objects, error_message, created_at, finished_at";

  private final DataSource dataSource;

  public ReplayStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Records a new pending replay. */
  public Replay create(UUID jobId, String accountId, Instant since, Instant before, Instant now) {
    UUID id = UUID.randomUUID();
    update("INSERT INTO logpush_replays (id, job_id, account_id, since, before, state, created_at, updated_at)"
        + " VALUES (?,?,?,?,?,'pending',?,?)", id, jobId, accountId, ts(since), ts(before), ts(now), ts(now));
    return new Replay(id, jobId, accountId, since, before, ReplayState.PENDING, Optional.empty(), Optional.empty(), 0, 0,
        Optional.empty(), now, Optional.empty());
  }

  public Optional<Replay> find(UUID jobId, UUID id) {
    return query("SELECT " + COLUMNS + " FROM logpush_replays WHERE job_id = ? AND id = ?", jobId, id).stream().findFirst();
  }

  /** A job's replays, newest first. */
  public List<Replay> list(UUID jobId, int limit) {
    return query("SELECT " + COLUMNS + " FROM logpush_replays WHERE job_id = ? ORDER BY created_at DESC, id LIMIT ?",
        jobId, limit);
  }

  /**
   * Takes the oldest replay that is pending, or running under an owner whose claim is older than
   * {@code staleBefore} (an instance that died), for {@code owner}.
   */
  public Optional<Replay> claim(String owner, Instant now, Instant staleBefore) {
    String sql = "UPDATE logpush_replays SET state = 'running', owner = ?, updated_at = ? WHERE id = ("
        + " SELECT id FROM logpush_replays WHERE state = 'pending' OR (state = 'running' AND updated_at < ?)"
        + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS;
    return query(sql, owner, ts(now), ts(staleBefore)).stream().findFirst();
  }

  /** Records progress; also keeps the claim fresh. */
  public void progress(UUID id, String source, Optional<Long> total, long delivered, int objects, Instant now) {
    update("UPDATE logpush_replays SET source = ?, total_records = ?, delivered_records = ?, objects = ?, updated_at = ?"
        + " WHERE id = ?", source, total.orElse(null), delivered, objects, ts(now), id);
  }

  /** Ends a replay. */
  public void finish(UUID id, ReplayState state, Optional<String> errorMessage, Instant now) {
    update("UPDATE logpush_replays SET state = ?, error_message = ?, updated_at = ?, finished_at = ? WHERE id = ?",
        state.wireName(), errorMessage.orElse(null), ts(now), ts(now), id);
  }

  private void update(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new JobStoreException("writing a replay failed", e);
    }
  }

  private List<Replay> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<Replay> replays = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          replays.add(map(rs));
        }
      }
      return replays;
    } catch (SQLException e) {
      throw new JobStoreException("reading replays failed", e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  private static Replay map(ResultSet rs) throws SQLException {
    Timestamp finished = rs.getTimestamp(13);
    return new Replay(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), ReplayState.fromWireName(rs.getString(6)),
        Optional.ofNullable(rs.getString(7)), Optional.ofNullable((Long) rs.getObject(8)), rs.getLong(9), rs.getInt(10),
        Optional.ofNullable(rs.getString(11)), rs.getTimestamp(12).toInstant(),
        Optional.ofNullable(finished).map(Timestamp::toInstant));
  }

  private static Timestamp ts(Instant instant) {
    return Timestamp.from(instant);
  }
}
