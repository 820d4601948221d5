package io.auditline.logpush.ownership;

import java.time.Instant;
import java.util.Objects;

/** What became of writing an ownership challenge to a destination. */
public sealed interface ChallengeOutcome {

  /** The challenge object is at {@code key}; its token is valid until {@code expiresAt}. */
  record Issued(String key, Instant expiresAt) implements ChallengeOutcome {
    public Issued {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }
  }

  /** The destination refused the write; {@code message} comes from the upload outcome and has no secrets. */
  record Failed(String reason, String message) implements ChallengeOutcome {
    public Failed {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
