package io.auditline.bench.store;

import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.index.IndexRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;

/**
 * A plain {@code COPY audit_events FROM STDIN} of indexer rows: the same columns, in the same COPY
 * text format, as the indexer writes into its staging table, but straight into the partitioned
 * table with no staging table and no conflict check. The bulk load and the indexer's baseline.
 */
final class CopyRows {

  /** The indexer's columns ({@code IndexWriter.COLUMNS}); {@code ingested_at} keeps its default. */
  static final String COLUMNS =
      "account_id, occurred_at, id, actor_type, actor_id, actor_email, actor_ip, action_type, action_result,"
          + " resource_type, resource_id, zone_id, producer, kafka_partition, kafka_offset, event";
  static final String COPY = "COPY audit_events (" + COLUMNS + ") FROM STDIN";

  private static final HexFormat HEX = HexFormat.of();

  private CopyRows() {}

  /** The row the indexer would write for {@code event}, without parsing it again. */
  static IndexRow row(AuditEvent event, String producer, int partition, long offset) {
    return new IndexRow(
        event.getAccountId(),
        Instant.ofEpochSecond(event.getAction().getOccurredAt().getSeconds(), event.getAction().getOccurredAt().getNanos()),
        UUID.fromString(event.getId()),
        event.getActor().getType().name().substring("ACTOR_TYPE_".length()).toLowerCase(),
        event.getActor().getId(),
        emptyToNull(event.getActor().getEmail()),
        emptyToNull(event.getActor().getIp()),
        event.getAction().getType(),
        event.getAction().getResult() == ActionResult.ACTION_RESULT_FAILURE ? "failure" : "success",
        event.getResource().getType(),
        event.getResource().getId(),
        emptyToNull(event.getZoneId()),
        producer,
        partition,
        offset,
        event.toByteArray());
  }

  /** Copies {@code rows} in one COPY on {@code connection} (the caller owns the transaction). */
  static long copy(Connection connection, List<IndexRow> rows) throws SQLException {
    StringBuilder text = new StringBuilder(rows.size() * 1024);
    for (IndexRow row : rows) {
      append(text, row);
    }
    try {
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new SQLException("COPY into audit_events failed", e);
    }
  }

  /** One row in COPY text format (tab-separated, {@code \N} for NULL, bytea as escaped hex). */
  static void append(StringBuilder out, IndexRow row) {
    text(out, row.accountId()).append('\t');
    out.append(row.occurredAt()).append('\t');
    out.append(row.id()).append('\t');
    text(out, row.actorType()).append('\t');
    text(out, row.actorId()).append('\t');
    text(out, row.actorEmail()).append('\t');
    text(out, row.actorIp()).append('\t');
    text(out, row.actionType()).append('\t');
    text(out, row.actionResult()).append('\t');
    text(out, row.resourceType()).append('\t');
    text(out, row.resourceId()).append('\t');
    text(out, row.zoneId()).append('\t');
    text(out, row.producer()).append('\t');
    out.append(row.kafkaPartition()).append('\t');
    out.append(row.kafkaOffset()).append('\t');
    out.append("\\\\x");
    HEX.formatHex(out, row.event());
    out.append('\n');
  }

  private static StringBuilder text(StringBuilder out, String value) {
    if (value == null) {
      return out.append("\\N");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out;
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
