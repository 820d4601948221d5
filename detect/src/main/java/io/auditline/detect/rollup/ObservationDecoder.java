package io.auditline.detect.rollup;

import java.util.Optional;

/**
 * Turns one Kafka record into a {@link SecurityObservation}; empty for a record that is not a
 * security event the rollups count (the record is then skipped, and its offset still advances).
 * The {@code SecurityEvent} protobuf adapter is the production implementation.
 */
@FunctionalInterface
public interface ObservationDecoder {

  Optional<SecurityObservation> decode(byte[] key, byte[] value);
}
