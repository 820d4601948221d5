package io.auditline.store.index;

import java.util.Objects;

/** What the indexer makes of one Kafka record: a row to write, or a reject to keep. */
public sealed interface Mapping permits Mapping.Indexable, Mapping.Rejected {

  /** The record becomes this {@code audit_events} row. */
  record Indexable(IndexRow row) implements Mapping {
    public Indexable {
      Objects.requireNonNull(row, "row");
    }
  }

  /** The record goes to {@code index_rejects}; {@code detail} says what was wrong, for operators. */
  record Rejected(RejectReason reason, String detail) implements Mapping {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }

    /** The text stored in {@code index_rejects.reason}, e.g. {@code invalid_event: id 'x' is not a UUID}. */
    public String describe() {
      return reason.label() + ": " + detail;
    }
  }
}
