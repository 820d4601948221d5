package io.auditline.logpush.delivery;

import io.auditline.platform.tracing.RecordLinks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The open batch of one partition: from the stored position {@code firstOffset} up to the last
 * record read, with the values of the job's account's records kept raw until the flush encodes them.
 * {@code intendedLast} is set when an earlier attempt recorded its intent: the batch then ends
 * exactly there, whatever the limits say.
 */
final class PartitionBatch {

  final int partition;
  final long firstOffset;
  final Optional<Long> intendedLast;
  final long openedAtNanos;
  final List<byte[]> values = new ArrayList<>();
  // The trace contexts of the sampled records among values, for the batch span.
  final RecordLinks links = new RecordLinks();
  Instant firstRecordTime;
  long lastOffset = -1;
  long valueBytes;

  PartitionBatch(int partition, long firstOffset, Optional<Long> intendedLast, long openedAtNanos) {
    this.partition = partition;
    this.firstOffset = firstOffset;
    this.intendedLast = intendedLast;
    this.openedAtNanos = openedAtNanos;
  }

  boolean reachedIntent() {
    return intendedLast.isPresent() && lastOffset >= intendedLast.get();
  }
}
