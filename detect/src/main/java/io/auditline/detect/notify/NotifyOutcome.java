package io.auditline.detect.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** What became of one attempt to send a notification. */
public sealed interface NotifyOutcome {

  /** The channel accepted the notification. */
  record Delivered() implements NotifyOutcome {}

  /**
   * A transient failure: trying again later may succeed.
   *
   * @param reason a short stable token for metrics ("server_error", "throttled", "io", ...)
   * @param retryAfter how long the receiver asked us to wait, when it said so
   */
  record Retry(String reason, String message, Optional<Duration> retryAfter) implements NotifyOutcome {
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
   * A permanent failure: the same notification will fail the same way.
   *
   * @param reason a short stable token for metrics ("client_error", "address_refused", ...)
   */
  record Rejected(String reason, String message) implements NotifyOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
