package io.auditline.store.query;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Where a page ended: the (occurred_at, id) of its last event, the key of keyset paging. */
public record Position(Instant occurredAt, UUID id) {

  public Position {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(id, "id");
  }
}
