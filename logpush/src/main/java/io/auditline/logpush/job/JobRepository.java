package io.auditline.logpush.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Logpush jobs in PostgreSQL ({@code logpush_jobs}). */
public final class JobRepository {

  static final String COLUMNS = "id, account_id, name, dataset, destination, destination_redacted, output_options::text,"
      + " filter::text, max_age_ms, max_records, max_bytes, enabled, ownership_verified_at, start_at, revision";
  /** {@link #COLUMNS} then the times and health of {@link JobView}, for {@code FROM logpush_jobs j}. */
  private static final String VIEW_COLUMNS = COLUMNS + ", created_at, updated_at, last_complete, last_error, error_message,"
      + " consecutive_failures,"
      + " (SELECT coalesce(sum(p.lag_records), 0) FROM logpush_positions p WHERE p.job_id = j.id),"
      + " (SELECT count(*) FROM logpush_dead_letters d WHERE d.job_id = j.id AND d.redriven_at IS NULL)";
  private static final String UNIQUE_VIOLATION = "23505";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;

  public JobRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The job with this id, whatever its account (for workers; the API scopes by account). */
  public Optional<Job> find(UUID id) {
    List<Job> jobs = query("SELECT " + COLUMNS + " FROM logpush_jobs WHERE id = ?", id);
    return jobs.stream().findFirst();
  }

  /** Every enabled job of every account, for the delivery engine. */
  public List<Job> enabled() {
    return query("SELECT " + COLUMNS + " FROM logpush_jobs WHERE enabled ORDER BY id");
  }

  /** The job {@code id} of {@code account}, with its health; empty for another account's job. */
  public Optional<JobView> find(String account, UUID id) {
    return views("SELECT " + VIEW_COLUMNS + " FROM logpush_jobs j WHERE account_id = ? AND id = ?", account, id)
        .stream().findFirst();
  }

  /** Up to {@code limit} jobs of {@code account} after {@code after}, oldest first. */
  public List<JobView> page(String account, Optional<JobCursor> after, int limit) {
    if (after.isEmpty()) {
      return views("SELECT " + VIEW_COLUMNS + " FROM logpush_jobs j WHERE account_id = ? ORDER BY created_at, id LIMIT ?",
          account, limit);
    }
    return views("SELECT " + VIEW_COLUMNS + " FROM logpush_jobs j WHERE account_id = ? AND (created_at, id) > (?, ?)"
        + " ORDER BY created_at, id LIMIT ?", account, timestamp(after.get().createdAt()), after.get().id(), limit);
  }

  /** Stores a new job created at {@code now}. */
  public WriteResult insert(Job job, Instant now) {
    String sql = "INSERT INTO logpush_jobs (id, account_id, name, dataset, destination, destination_redacted, output_options,"
        + " filter, max_age_ms, max_records, max_bytes, enabled, ownership_verified_at, start_at, revision, created_at,"
        + " updated_at) VALUES (?,?,?,?,?,?,?::jsonb,?::jsonb,?,?,?,?,?,?,?,?,?)";
    return write(sql, job.id(), job.accountId(), job.name(), job.dataset(), job.destination(), job.destinationRedacted(),
        job.outputOptions().toString(), job.filter().map(ObjectNode::toString).orElse(null), job.limits().maxAge().toMillis(),
        job.limits().maxRecords(), job.limits().maxBytes(), job.enabled(),
        job.ownershipVerifiedAt().map(JobRepository::timestamp).orElse(null), timestamp(job.startAt()), job.revision(),
        timestamp(now), timestamp(now));
  }

  /**
   * Replaces the settings of {@code job} (same id and account) if it is still at {@code expectedRevision};
   * {@link WriteResult#STALE} when it changed or was deleted meanwhile.
   */
  public WriteResult update(Job job, long expectedRevision, Instant now) {
    String sql = "UPDATE logpush_jobs SET name = ?, destination = ?, destination_redacted = ?, output_options = ?::jsonb,"
        + " filter = ?::jsonb, max_age_ms = ?, max_records = ?, max_bytes = ?, enabled = ?, ownership_verified_at = ?,"
        + " revision = ?, updated_at = ? WHERE id = ? AND account_id = ? AND revision = ?";
    return write(sql, job.name(), job.destination(), job.destinationRedacted(), job.outputOptions().toString(),
        job.filter().map(ObjectNode::toString).orElse(null), job.limits().maxAge().toMillis(), job.limits().maxRecords(),
        job.limits().maxBytes(), job.enabled(), job.ownershipVerifiedAt().map(JobRepository::timestamp).orElse(null),
        job.revision(), timestamp(now), job.id(), job.accountId(), expectedRevision);
  }

  /** Deletes a job of {@code account} with everything that belongs to it; false when there is none. */
  public boolean delete(String account, UUID id) {
    return write("DELETE FROM logpush_jobs WHERE account_id = ? AND id = ?", account, id) == WriteResult.WRITTEN;
  }

  private WriteResult write(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate() == 1 ? WriteResult.WRITTEN : WriteResult.STALE;
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return WriteResult.NAME_TAKEN;
      }
      throw new JobStoreException("writing a logpush job failed", e);
    }
  }

  private List<JobView> views(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<JobView> views = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          JobHealth health = new JobHealth(instant(rs, 18), instant(rs, 19), Optional.ofNullable(rs.getString(20)),
              rs.getInt(21), rs.getLong(22), rs.getLong(23));
          views.add(new JobView(map(rs), rs.getTimestamp(16).toInstant(), rs.getTimestamp(17).toInstant(), health));
        }
      }
      return views;
    } catch (SQLException e) {
      throw new JobStoreException("reading logpush jobs failed", e);
    }
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  private static Optional<Instant> instant(ResultSet rs, int column) throws SQLException {
    return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
  }

  List<Job> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<Job> jobs = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          jobs.add(map(rs));
        }
      }
      return jobs;
    } catch (SQLException e) {
      throw new JobStoreException("reading logpush jobs failed", e);
    }
  }

  static Job map(ResultSet rs) throws SQLException {
    Timestamp verified = rs.getTimestamp(13);
    String filter = rs.getString(8);
    return new Job(
        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        object(rs.getString(7)), filter == null ? Optional.empty() : Optional.of(object(filter)),
        new BatchLimits(Duration.ofMillis(rs.getLong(9)), rs.getInt(10), rs.getLong(11)),
        rs.getBoolean(12), Optional.ofNullable(verified).map(Timestamp::toInstant), rs.getTimestamp(14).toInstant(), rs.getLong(15));
  }

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("stored JSON is not an object", e);
    }
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.from(instant);
  }
}
