package io.auditline.store.index;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Writes one batch, rows and rejects, in one transaction: COPY into a temporary staging table, then
 * {@code INSERT ... ON CONFLICT DO NOTHING} into {@code audit_events}, so writing the same records
 * twice changes nothing.
 */
final class IndexWriter {

  static final String COLUMNS =
      "account_id, occurred_at, id, actor_type, actor_id, actor_email, actor_ip, action_type, action_result,"
          + " resource_type, resource_id, zone_id, producer, kafka_partition, kafka_offset, event";

  // No constraints or indexes: the staging table only carries the batch to one set-based INSERT.
  private static final String CREATE_STAGING =
      """
      CREATE TEMPORARY TABLE index_staging (
          account_id text, occurred_at timestamptz, id uuid, actor_type text, actor_id text,
          actor_email text, actor_ip inet, action_type text, action_result text, resource_type text,
          resource_id text, zone_id text, producer text, kafka_partition integer, kafka_offset bigint,
          event bytea
      ) ON COMMIT DROP""";
  private static final String COPY = "COPY index_staging (" + COLUMNS + ") FROM STDIN";
  private static final String INSERT =
      "INSERT INTO audit_events (" + COLUMNS + ") SELECT " + COLUMNS + " FROM index_staging ON CONFLICT DO NOTHING";
  private static final String INSERT_REJECT =
      """
      INSERT INTO index_rejects
          (topic, kafka_partition, kafka_offset, reason, record_key, record_value, record_timestamp)
      VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT DO NOTHING""";

  /** A record the indexer keeps in {@code index_rejects}. */
  record Reject(String topic, int partition, long offset, Mapping.Rejected why, byte[] key, byte[] value, long timestampMs) {
    Reject {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(why, "why");
    }
  }

  /** What a committed batch wrote: new rows, rows that were already there, rejects. */
  record Written(int inserted, int duplicates, int rejected) {}

  private final DataSource dataSource;

  IndexWriter(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Writes and commits the batch, or throws with nothing of it visible. */
  Written write(List<IndexRow> rows, List<Reject> rejects) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        int inserted = rows.isEmpty() ? 0 : insertRows(connection, rows);
        if (!rejects.isEmpty()) {
          insertRejects(connection, rejects);
        }
        connection.commit();
        return new Written(inserted, rows.size() - inserted, rejects.size());
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      }
    }
  }

  private static int insertRows(Connection connection, List<IndexRow> rows) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(CREATE_STAGING);
    }
    try {
      connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new StringReader(encode(rows)));
    } catch (IOException e) {
      throw new SQLException("COPY into the staging table failed", e);
    }
    try (Statement statement = connection.createStatement()) {
      return statement.executeUpdate(INSERT);
    }
  }

  static String encode(List<IndexRow> rows) {
    CopyText copy = new CopyText(rows.size() * 1024);
    for (IndexRow row : rows) {
      copy.text(row.accountId())
          .text(row.occurredAt().toString())
          .text(row.id().toString())
          .text(row.actorType())
          .text(row.actorId())
          .text(row.actorEmail())
          .text(row.actorIp())
          .text(row.actionType())
          .text(row.actionResult())
          .text(row.resourceType())
          .text(row.resourceId())
          .text(row.zoneId())
          .text(row.producer())
          .number(row.kafkaPartition())
          .number(row.kafkaOffset())
          .bytes(row.event())
          .endRow();
    }
    return copy.toString();
  }

  private static void insertRejects(Connection connection, List<Reject> rejects) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT_REJECT)) {
      for (Reject reject : rejects) {
        insert.setString(1, reject.topic());
        insert.setInt(2, reject.partition());
        insert.setLong(3, reject.offset());
        insert.setString(4, reject.why().describe().replace('\0', '?'));
        insert.setBytes(5, reject.key());
        insert.setBytes(6, reject.value());
        insert.setObject(
            7,
            reject.timestampMs() < 0
                ? null
                : OffsetDateTime.ofInstant(Instant.ofEpochMilli(reject.timestampMs()), ZoneOffset.UTC));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
