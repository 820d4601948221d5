package io.auditline.logpush.destination;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one {@link Upload}. */
public sealed interface UploadOutcome {

  /** The destination confirmed the write. */
  record Stored(String key, long bytes) implements UploadOutcome {}

  /**
   * A failure that may pass (timeouts, throttling, 5xx, connection refused).
   *
   * @param reason a short stable reason for metrics and health ({@code timeout}, {@code throttled},
   *     {@code server_error}, {@code connect}, ...)
   * @param message detail for the job's {@code error_message}; never contains secrets
   * @param retryAfter how long the destination asked us to wait, when it said
   */
  record Retry(String reason, String message, Optional<Duration> retryAfter) implements UploadOutcome {
    public Retry {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Retry(String reason, String message) {
      this(reason, message, Optional.empty());
    }
  }

  /**
   * A failure that retrying will not fix (access denied, no such bucket, address refused by the
   * guard); the batch still goes through the retry window, because customers fix permissions, and
   * then to the dead letters.
   */
  record Rejected(String reason, String message) implements UploadOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
