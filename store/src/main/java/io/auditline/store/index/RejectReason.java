package io.auditline.store.index;

import java.util.Locale;

/** Why a Kafka record was not indexed; a bounded set, used as a metric label. */
public enum RejectReason {
  /** The value is missing or is not a protobuf {@code AuditEvent}. */
  UNPARSEABLE,
  /** The event parses but breaks a rule the columns depend on (a bad id, an unknown enum value...). */
  INVALID_EVENT,
  /** The record lacks the {@code auditline.producer} header ingest always sets. */
  MISSING_PRODUCER;

  /** The lower-case label, e.g. {@code invalid_event}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
