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

  List<Job> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
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
