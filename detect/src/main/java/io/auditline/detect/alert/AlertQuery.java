package io.auditline.detect.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Which of an account's alerts to list: optional filters, a page size and the cursor of the last page. */
public record AlertQuery(Optional<Alert.State> state, Optional<String> zoneId, Optional<UUID> policyId,
    Optional<Cursor> after, int limit) {

  /** The position after an alert in the listing's order (newest first). */
  public record Cursor(Instant startedAt, UUID id) {
    public Cursor {
      Objects.requireNonNull(startedAt, "startedAt");
      Objects.requireNonNull(id, "id");
    }
  }

  public AlertQuery {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(zoneId, "zoneId");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(after, "after");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit: %d (expected: 1..1000)".formatted(limit));
    }
  }
}
