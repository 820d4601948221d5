package io.auditline.logpush.delivery;

import java.util.Optional;

/** Where a batch's records came from: a Kafka partition's offset range, or the store (all empty). */
record BatchOrigin(Optional<Integer> partition, Optional<Long> firstOffset, Optional<Long> lastOffset) {

  static BatchOrigin kafka(int partition, long first, long last) {
    return new BatchOrigin(Optional.of(partition), Optional.of(first), Optional.of(last));
  }

  static BatchOrigin store() {
    return new BatchOrigin(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
