package io.auditline.logpush.replay;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to re-deliver a job's events of {@code [since, before)} under the key prefix
 * {@code replays/<id>/}, and its progress.
 *
 * @param source {@code kafka} while the range is still retained in the log, else {@code store}
 * @param totalRecords the records in the range, once counted
 */
public record Replay(
    UUID id,
    UUID jobId,
    String accountId,
    Instant since,
    Instant before,
    ReplayState state,
    Optional<String> source,
    Optional<Long> totalRecords,
    long deliveredRecords,
    int objects,
    Optional<String> errorMessage,
    Instant createdAt,
    Optional<Instant> finishedAt) {

  public Replay {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(totalRecords, "totalRecords");
    Objects.requireNonNull(errorMessage, "errorMessage");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    if (!since.isBefore(before)) {
      throw new IllegalArgumentException("since: %s (expected: before %s)".formatted(since, before));
    }
  }

  /** The key prefix every object of this replay is written under. */
  public String keyPrefix() {
    return "replays/" + id + "/";
  }
}
