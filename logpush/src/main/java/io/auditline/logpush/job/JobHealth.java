package io.auditline.logpush.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a job is doing, read-only: its last delivery, last error, backlog and dead letters.
 *
 * @param lagRecords records appended to the log but not yet delivered, summed over partitions
 * @param deadLettersPending dead letters not yet redriven
 */
public record JobHealth(
    Optional<Instant> lastComplete,
    Optional<Instant> lastError,
    Optional<String> errorMessage,
    int consecutiveFailures,
    long lagRecords,
    long deadLettersPending) {

  /** After this many failed uploads in a row a job counts as unhealthy. */
  public static final int UNHEALTHY_AFTER_FAILURES = 3;

  public JobHealth {
    Objects.requireNonNull(lastComplete, "lastComplete");
    Objects.requireNonNull(lastError, "lastError");
    Objects.requireNonNull(errorMessage, "errorMessage");
  }

  /**
   * How far behind the job is: 0 without a backlog, else the time since its last complete delivery
   * (or since {@code startAt} when it has delivered nothing yet), in whole seconds.
   */
  public long lagSeconds(Instant now, Instant startAt) {
    if (lagRecords <= 0) {
      return 0;
    }
    Instant since = lastComplete.orElse(startAt);
    return Math.max(0, Duration.between(since, now).toSeconds());
  }

  /** False after {@value #UNHEALTHY_AFTER_FAILURES} failures in a row or when the last error is newer than the last delivery. */
  public boolean healthy() {
    if (consecutiveFailures >= UNHEALTHY_AFTER_FAILURES) {
      return false;
    }
    return lastError.isEmpty() || lastComplete.isPresent() && !lastError.get().isAfter(lastComplete.get());
  }
}
