package io.auditline.logpush.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * The open batch of one partition: from the stored position {@code firstOffset} up to the last
 * record read, and the body being encoded. {@code intendedLast} is set when an earlier attempt
 * recorded its intent: the batch then ends exactly there, whatever the limits say.
 */
final class PartitionBatch {

  final int partition;
  final long firstOffset;
  final Optional<Long> intendedLast;
  final JobFormat.Session session;
  final long openedAtNanos;
  Instant firstRecordTime;
  long lastOffset = -1;
  int recordsRead;

  PartitionBatch(int partition, long firstOffset, Optional<Long> intendedLast, JobFormat.Session session, long openedAtNanos) {
    this.partition = partition;
    this.firstOffset = firstOffset;
    this.intendedLast = intendedLast;
    this.session = session;
    this.openedAtNanos = openedAtNanos;
  }

  boolean reachedIntent() {
    return intendedLast.isPresent() && lastOffset >= intendedLast.get();
  }
}
