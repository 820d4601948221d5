package io.auditline.logpush.ownership;

import java.time.Instant;
import java.util.Objects;

/** Whether a destination's ownership was proven. */
public sealed interface OwnershipOutcome {

  record Proven(Instant at) implements OwnershipOutcome {
    public Proven {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Not proven.
   *
   * @param field the request field to blame ({@code ownership_challenge}, {@code ownership}, {@code enabled})
   * @param message what failed and what to do instead; never contains secrets
   */
  record Refused(String field, String message) implements OwnershipOutcome {
    public Refused {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
    }
  }
}
