package io.auditline.store.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One account's events in {@code [since, before)} that match {@code filters}, in {@code direction}
 * order, at most {@code limit} per page, continuing after {@code after} when paging.
 */
public record AuditLogQuery(
    String account,
    Instant since,
    Instant before,
    AuditLogFilters filters,
    int limit,
    Direction direction,
    Optional<Position> after) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  public AuditLogQuery {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(after, "after");
    if (account.isEmpty()) {
      throw new IllegalArgumentException("account: \"\" (expected: not empty)");
    }
    if (!since.isBefore(before)) {
      throw new IllegalArgumentException("since: %s (expected: before %s)".formatted(since, before));
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit: %d (expected: 1..%d)".formatted(limit, MAX_LIMIT));
    }
  }

  /** The same query from its first event. */
  public AuditLogQuery withoutCursor() {
    return new AuditLogQuery(account, since, before, filters, limit, direction, Optional.empty());
  }

  /** The same query continuing after {@code position}. */
  public AuditLogQuery after(Position position) {
    return new AuditLogQuery(account, since, before, filters, limit, direction, Optional.of(position));
  }
}
