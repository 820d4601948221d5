package io.auditline.logpush.delivery;

import io.auditline.logpush.job.JobStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Which instance runs a job ({@code logpush_leases}). A lease is taken when free or expired, and
 * every take bumps the epoch, so positions written under an older epoch (by an instance that paused
 * past its lease) are refused. Times come from the database's clock, the one clock all instances share.
 */
final class LeaseStore {

  private final DataSource dataSource;

  LeaseStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Takes the job's lease for {@code owner} when nobody else holds a live one. */
  Optional<Lease> acquire(UUID jobId, String owner, Duration ttl) {
    String sql = "INSERT INTO logpush_leases AS l (job_id, owner, epoch, expires_at)"
        + " SELECT ?, ?, 1, now() + ? * interval '1 millisecond' WHERE EXISTS (SELECT 1 FROM logpush_jobs WHERE id = ?)"
        + " ON CONFLICT (job_id) DO UPDATE SET owner = EXCLUDED.owner, epoch = l.epoch + 1, expires_at = EXCLUDED.expires_at"
        + " WHERE l.expires_at < now() OR l.owner = EXCLUDED.owner RETURNING epoch";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, jobId);
      ps.setString(2, owner);
      ps.setLong(3, ttl.toMillis());
      ps.setObject(4, jobId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new Lease(jobId, owner, rs.getLong(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new JobStoreException("taking a logpush lease failed", e);
    }
  }

  /** Extends a held lease; false when it was lost (expired and taken, or the job deleted). */
  boolean renew(Lease lease, Duration ttl) {
    String sql = "UPDATE logpush_leases SET expires_at = now() + ? * interval '1 millisecond'"
        + " WHERE job_id = ? AND owner = ? AND epoch = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, ttl.toMillis());
      bind(ps, 2, lease);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new JobStoreException("renewing a logpush lease failed", e);
    }
  }

  /** Gives a lease up at once, so another instance need not wait for it to expire. */
  void release(Lease lease) {
    String sql = "UPDATE logpush_leases SET expires_at = now() - interval '1 millisecond'"
        + " WHERE job_id = ? AND owner = ? AND epoch = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, 1, lease);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new JobStoreException("releasing a logpush lease failed", e);
    }
  }

  private static void bind(PreparedStatement ps, int from, Lease lease) throws SQLException {
    ps.setObject(from, lease.jobId());
    ps.setString(from + 1, lease.owner());
    ps.setLong(from + 2, lease.epoch());
  }

  /** A held lease. */
  record Lease(UUID jobId, String owner, long epoch) {}
}
