package io.auditline.store.query;

import io.auditline.proto.v1.AuditEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of events; {@code next} is present when more events match after the last one. */
public record AuditLogPage(List<AuditEvent> events, Optional<Cursor> next) {

  public AuditLogPage {
    events = List.copyOf(events);
    Objects.requireNonNull(next, "next");
  }
}
