package io.auditline.logpush.delivery;

import io.auditline.logpush.delivery.LeaseStore.Lease;
import io.auditline.logpush.job.JobStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A job's delivery position per Kafka partition ({@code logpush_positions}). Every write is fenced
 * by the job's lease: it succeeds only while the writer's owner and epoch still hold the lease.
 */
final class PositionStore {

  private static final String FENCE = " AND EXISTS (SELECT 1 FROM logpush_leases l WHERE l.job_id = ? AND l.owner = ? AND l.epoch = ?)";

  private final DataSource dataSource;

  PositionStore(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** The stored positions of a job by partition. */
  Map<Integer, Position> load(UUID jobId) {
    String sql = "SELECT kafka_partition, next_offset, pending_last_offset FROM logpush_positions WHERE job_id = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, jobId);
      Map<Integer, Position> positions = new HashMap<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          positions.put(rs.getInt(1), new Position(rs.getLong(2), Optional.ofNullable((Long) rs.getObject(3))));
        }
      }
      return positions;
    } catch (SQLException e) {
      throw new JobStoreException("reading logpush positions failed", e);
    }
  }

  /** Stores the first position of a partition the job has not seen before, unless fenced or already stored. */
  void initialize(Lease lease, int partition, long nextOffset) {
    String sql = "INSERT INTO logpush_positions (job_id, kafka_partition, next_offset) SELECT ?, ?, ? WHERE TRUE" + FENCE
        + " ON CONFLICT (job_id, kafka_partition) DO NOTHING";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, lease.jobId());
      ps.setInt(2, partition);
      ps.setLong(3, nextOffset);
      fence(ps, 4, lease);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new JobStoreException("storing a logpush position failed", e);
    }
  }

  /** Records the intent to upload {@code [next, lastOffset]} before the upload; false if fenced. */
  boolean intend(Lease lease, int partition, long lastOffset) {
    return update("UPDATE logpush_positions SET pending_last_offset = ?, updated_at = now()"
        + " WHERE job_id = ? AND kafka_partition = ?" + FENCE, lease, partition, lastOffset, null);
  }

  /** Moves past a delivered (or dead-lettered) batch and clears its intent; false if fenced. */
  boolean advance(Lease lease, int partition, long nextOffset) {
    return update("UPDATE logpush_positions SET next_offset = ?, pending_last_offset = NULL,"
        + " updated_at = now() WHERE job_id = ? AND kafka_partition = ?" + FENCE, lease, partition, nextOffset, null);
  }

  /** Records how far behind the log a partition is; best effort, no fence needed. */
  void lag(UUID jobId, int partition, long lagRecords) {
    String sql = "UPDATE logpush_positions SET lag_records = ? WHERE job_id = ? AND kafka_partition = ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, lagRecords);
      ps.setObject(2, jobId);
      ps.setInt(3, partition);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new JobStoreException("storing logpush lag failed", e);
    }
  }

  private boolean update(String sql, Lease lease, int partition, long first, Long second) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      ps.setLong(i++, first);
      if (second != null) {
        ps.setLong(i++, second);
      }
      ps.setObject(i++, lease.jobId());
      ps.setInt(i++, partition);
      fence(ps, i, lease);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new JobStoreException("storing a logpush position failed", e);
    }
  }

  private static void fence(PreparedStatement ps, int from, Lease lease) throws SQLException {
    ps.setObject(from, lease.jobId());
    ps.setString(from + 1, lease.owner());
    ps.setLong(from + 2, lease.epoch());
  }

  /** Where a partition stands: the next offset to deliver and the recorded batch intent, if any. */
  record Position(long nextOffset, Optional<Long> pendingLastOffset) {}

}
