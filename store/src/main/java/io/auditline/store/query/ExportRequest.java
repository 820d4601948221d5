package io.auditline.store.query;

import java.util.Objects;

/** A streaming export: every event of {@code query}'s range and filters (its limit and cursor do not apply). */
public record ExportRequest(AuditLogQuery query, ExportFormat format) {

  public ExportRequest {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(format, "format");
    if (query.after().isPresent()) {
      throw new IllegalArgumentException("query.after: %s (expected: empty, exports do not page)".formatted(query.after().get()));
    }
  }
}
