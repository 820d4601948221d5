package io.auditline.logpush.deadletter;

import io.auditline.logpush.job.JobStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Dead-lettered batches in PostgreSQL ({@code logpush_dead_letters}). */
public final class DeadLetterStore {

  private static final String COLUMNS = "id, job_id, account_id, object_key, idempotency_key, kafka_partition, first_offset,"
      + " last_offset, records, reason, error_message, attempts, content_type, content_encoding, created_at, redriven_at";

  private final DataSource dataSource;

  public DeadLetterStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /**
   * Keeps a batch; a batch dead-lettered again under the same key (after a crash between this write
   * and the position's advance) replaces the earlier row instead of adding a second one.
   */
  public void add(DeadLetter letter, byte[] body) {
    String sql = "INSERT INTO logpush_dead_letters (" + COLUMNS + ", body) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
        + " ON CONFLICT (job_id, object_key) DO UPDATE SET body = EXCLUDED.body, records = EXCLUDED.records,"
        + " reason = EXCLUDED.reason, error_message = EXCLUDED.error_message, attempts = EXCLUDED.attempts,"
        + " created_at = EXCLUDED.created_at, redriven_at = NULL";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, letter.id());
      ps.setObject(2, letter.jobId());
      ps.setString(3, letter.accountId());
      ps.setString(4, letter.objectKey());
      ps.setString(5, letter.idempotencyKey());
      setNullable(ps, 6, letter.partition().orElse(null), Types.INTEGER);
      setNullable(ps, 7, letter.firstOffset().orElse(null), Types.BIGINT);
      setNullable(ps, 8, letter.lastOffset().orElse(null), Types.BIGINT);
      ps.setInt(9, letter.records());
      ps.setString(10, letter.reason());
      ps.setString(11, letter.errorMessage());
      ps.setInt(12, letter.attempts());
      ps.setString(13, letter.contentType());
      ps.setString(14, letter.contentEncoding());
      ps.setTimestamp(15, Timestamp.from(letter.createdAt()));
      ps.setTimestamp(16, letter.redrivenAt().map(Timestamp::from).orElse(null));
      ps.setBytes(17, body);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new JobStoreException("writing a dead letter failed", e);
    }
  }

  /** A job's dead letters, oldest first; {@code pendingOnly} leaves out those already redriven. */
  public List<DeadLetter> list(UUID jobId, boolean pendingOnly, int limit) {
    String sql = "SELECT " + COLUMNS + " FROM logpush_dead_letters WHERE job_id = ?"
        + (pendingOnly ? " AND redriven_at IS NULL" : "") + " ORDER BY created_at, id LIMIT ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, jobId);
      ps.setInt(2, limit);
      List<DeadLetter> letters = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          letters.add(map(rs));
        }
      }
      return letters;
    } catch (SQLException e) {
      throw new JobStoreException("reading dead letters failed", e);
    }
  }

  /** One dead letter of a job. */
  public Optional<DeadLetter> find(UUID jobId, UUID id) {
    String sql = "SELECT " + COLUMNS + " FROM logpush_dead_letters WHERE job_id = ? AND id = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, jobId);
      ps.setObject(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new JobStoreException("reading a dead letter failed", e);
    }
  }

  /** The encoded body of a dead letter. */
  public Optional<byte[]> body(UUID id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT body FROM logpush_dead_letters WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new JobStoreException("reading a dead letter's body failed", e);
    }
  }

  /** Marks a dead letter delivered; false when it was already marked. */
  public boolean markRedriven(UUID id, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE logpush_dead_letters SET redriven_at = ? WHERE id = ? AND redriven_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setObject(2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new JobStoreException("marking a dead letter redriven failed", e);
    }
  }

  /** Dead letters not yet redriven, per job (for the dead-letter gauge). */
  public long pending(UUID jobId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT count(*) FROM logpush_dead_letters WHERE job_id = ? AND redriven_at IS NULL")) {
      ps.setObject(1, jobId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new JobStoreException("counting dead letters failed", e);
    }
  }

  /** Dead letters not yet redriven, per job that has any, in one query. */
  public Map<UUID, Long> pendingByJob() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT job_id, count(*) FROM logpush_dead_letters WHERE redriven_at IS NULL GROUP BY job_id")) {
      Map<UUID, Long> pending = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          pending.put(rs.getObject(1, UUID.class), rs.getLong(2));
        }
      }
      return pending;
    } catch (SQLException e) {
      throw new JobStoreException("counting dead letters failed", e);
    }
  }

  private static DeadLetter map(ResultSet rs) throws SQLException {
    Timestamp redriven = rs.getTimestamp(16);
    return new DeadLetter(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
        rs.getString(5), Optional.ofNullable((Integer) rs.getObject(6)), Optional.ofNullable((Long) rs.getObject(7)),
        Optional.ofNullable((Long) rs.getObject(8)), rs.getInt(9), rs.getString(10), rs.getString(11), rs.getInt(12),
        rs.getString(13), rs.getString(14), rs.getTimestamp(15).toInstant(),
        Optional.ofNullable(redriven).map(Timestamp::toInstant));
  }

  private static void setNullable(PreparedStatement ps, int index, Object value, int type) throws SQLException {
    if (value == null) {
      ps.setNull(index, type);
    } else {
      ps.setObject(index, value, type);
    }
  }
}
