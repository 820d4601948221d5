package io.auditline.detect.rollup;

import java.util.Objects;
import java.util.Optional;

/** One Kafka record as the rollup store needs it: where it came from and what it decoded to. */
public record Delivery(String topic, int partition, long offset, Optional<SecurityObservation> observation) {

  public Delivery {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(observation, "observation");
    if (partition < 0) {
      throw new IllegalArgumentException("partition: %d (expected: >= 0)".formatted(partition));
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset: %d (expected: >= 0)".formatted(offset));
    }
  }
}
