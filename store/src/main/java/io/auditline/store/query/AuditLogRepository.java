package io.auditline.store.query;

import com.google.protobuf.InvalidProtocolBufferException;
import io.auditline.proto.v1.AuditEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads one account's audit events from PostgreSQL: pages, single events and streamed exports. */
public final class AuditLogRepository {

  /** Rows fetched per round trip while streaming an export. */
  static final int EXPORT_FETCH_SIZE = 500;
  private static final int PAGE_TIMEOUT_SECONDS = 30;

  private final DataSource dataSource;

  public AuditLogRepository(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Receives exported events one at a time, in order. */
  @FunctionalInterface
  public interface EventSink {
    void accept(AuditEvent event) throws IOException;
  }

  /** One page; reads one row more than the limit to know whether a next page exists. */
  public AuditLogPage page(AuditLogQuery query) {
    AuditLogSql select = AuditLogSql.select(query, query.limit() + 1);
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(select.sql())) {
      ps.setQueryTimeout(PAGE_TIMEOUT_SECONDS);
      select.bind(ps);
      List<AuditEvent> events = new ArrayList<>();
      Position last = null;
      boolean more = false;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (events.size() == query.limit()) {
            more = true;
            break;
          }
          events.add(event(rs));
          last = position(rs);
        }
      }
      return new AuditLogPage(events, more ? Optional.of(Cursor.after(query, last)) : Optional.empty());
    } catch (SQLException e) {
      throw new QueryFailedException("cannot read a page of audit events: " + e.getMessage(), e);
    }
  }

  /** The account's event with this id; empty when the account has no such event. */
  public Optional<AuditEvent> find(String account, UUID id) {
    String sql = "SELECT event FROM audit_events WHERE account_id = ? AND id = ? LIMIT 1";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setQueryTimeout(PAGE_TIMEOUT_SECONDS);
      ps.setString(1, account);
      ps.setObject(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(event(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new QueryFailedException("cannot read an audit event: " + e.getMessage(), e);
    }
  }

  /**
   * Streams every event of the query's range and filters to {@code sink}, ignoring its limit and
   * cursor. The driver only holds {@link #EXPORT_FETCH_SIZE} rows at a time: a fetch size is
   * honoured by the PostgreSQL driver only inside a transaction, hence autocommit off.
   *
   * @return how many events were written
   * @throws IOException when the sink fails (typically: the client went away)
   */
  public long export(AuditLogQuery query, EventSink sink) throws IOException {
    AuditLogSql select = AuditLogSql.select(query.withoutCursor(), 0);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (PreparedStatement ps = c.prepareStatement(select.sql())) {
        ps.setFetchSize(EXPORT_FETCH_SIZE);
        select.bind(ps);
        long count = 0;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sink.accept(event(rs));
            count++;
          }
        }
        return count;
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new QueryFailedException("cannot export audit events: " + e.getMessage(), e);
    }
  }

  private static AuditEvent event(ResultSet rs) throws SQLException {
    try {
      return AuditEvent.parseFrom(rs.getBytes("event"));
    } catch (InvalidProtocolBufferException e) {
      throw new QueryFailedException("a stored audit event is not a valid auditline.v1.AuditEvent", e);
    }
  }

  private static Position position(ResultSet rs) throws SQLException {
    return new Position(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getObject("id", UUID.class));
  }
}
