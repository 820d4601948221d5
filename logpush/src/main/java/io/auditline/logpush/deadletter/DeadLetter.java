package io.auditline.logpush.deadletter;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A batch that could not be delivered within the retry window, kept with its encoded body so it can
 * be redriven to the same key later (the body itself is read separately, see {@link DeadLetterStore#body}).
 *
 * @param partition the Kafka partition the batch came from; empty for replay batches read from the store
 */
public record DeadLetter(
    UUID id,
    UUID jobId,
    String accountId,
    String objectKey,
    String idempotencyKey,
    Optional<Integer> partition,
    Optional<Long> firstOffset,
    Optional<Long> lastOffset,
    int records,
    String reason,
    String errorMessage,
    int attempts,
    String contentType,
    String contentEncoding,
    Instant createdAt,
    Optional<Instant> redrivenAt) {

  public DeadLetter {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(objectKey, "objectKey");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(firstOffset, "firstOffset");
    Objects.requireNonNull(lastOffset, "lastOffset");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(contentEncoding, "contentEncoding");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(redrivenAt, "redrivenAt");
  }
}
