package io.auditline.store.index;

import java.time.Duration;

/** What the indexer reports about itself; the only label is the bounded {@link RejectReason}. */
public interface IndexerTelemetry {

  /** A batch was committed after {@code nanos}: {@code inserted} new rows, {@code duplicates} already there. */
  void batchWritten(int inserted, int duplicates, long nanos);

  /** A record was kept in {@code index_rejects} for {@code reason}. */
  void rejected(RejectReason reason);

  /** How far behind the newest record of the last committed batch the index is. */
  void delay(Duration delay);

  static IndexerTelemetry noop() {
    return new IndexerTelemetry() {
      @Override
      public void batchWritten(int inserted, int duplicates, long nanos) {}

      @Override
      public void rejected(RejectReason reason) {}

      @Override
      public void delay(Duration delay) {}
    };
  }
}
