package io.auditline.store.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameterized SELECT of a query: account and range first (they lead every index), then the
 * filters, then the keyset condition and order. Values are only ever bound, never spliced in.
 */
final class AuditLogSql {

  static final String COLUMNS = "occurred_at, id, event";

  private final StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_events");
  private final List<Object> values = new ArrayList<>();

  private AuditLogSql() {}

  /** Events of the query after its position, ordered, at most {@code rowLimit} rows (0: no limit). */
  static AuditLogSql select(AuditLogQuery q, int rowLimit) {
    AuditLogSql s = new AuditLogSql();
    s.where("account_id = ?", q.account());
    s.where("occurred_at >= ?", time(q.since()));
    s.where("occurred_at < ?", time(q.before()));
    AuditLogFilters f = q.filters();
    f.actorId().ifPresent(v -> s.where("actor_id = ?", v));
    f.actorEmail().ifPresent(v -> s.where("lower(actor_email) = ?", v));
    f.actorIp().ifPresent(v -> s.where("actor_ip <<= ?::cidr", v.toString()));
    f.actionType().ifPresent(v -> s.where("action_type = ?", v));
    f.actionTypePrefix().ifPresent(v -> s.where("action_type LIKE ? ESCAPE '\\'", likePrefix(v)));
    f.actionResult().ifPresent(v -> s.where("action_result = ?", v));
    f.resourceType().ifPresent(v -> s.where("resource_type = ?", v));
    f.resourceId().ifPresent(v -> s.where("resource_id = ?", v));
    f.zoneId().ifPresent(v -> s.where("zone_id = ?", v));
    boolean newest = q.direction() == Direction.NEWEST;
    q.after().ifPresent(p -> {
      s.sql.append(newest ? " AND (occurred_at, id) < (?, ?)" : " AND (occurred_at, id) > (?, ?)");
      s.values.add(time(p.occurredAt()));
      s.values.add(p.id());
    });
    s.sql.append(newest ? " ORDER BY occurred_at DESC, id DESC" : " ORDER BY occurred_at ASC, id ASC");
    if (rowLimit > 0) {
      s.sql.append(" LIMIT ").append(rowLimit);
    }
    return s;
  }

  /** {@code zone.settings_} matches literally: LIKE's wildcards and the escape are escaped. */
  static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  String sql() {
    return sql.toString();
  }

  List<Object> values() {
    return List.copyOf(values);
  }

  void bind(PreparedStatement ps) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
  }

  private void where(String condition, Object value) {
    sql.append(values.isEmpty() ? " WHERE " : " AND ").append(condition);
    values.add(value);
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
