package io.auditline.logpush.destination;

import java.util.Objects;

/** The outcome of parsing a destination URI. */
public sealed interface DestinationParse {

  record Valid(DestinationSpec spec) implements DestinationParse {
    public Valid {
      Objects.requireNonNull(spec, "spec");
    }
  }

  /** {@code message} names the part of the URI that is wrong and what was expected, without secrets. */
  record Invalid(String message) implements DestinationParse {
    public Invalid {
      Objects.requireNonNull(message, "message");
    }
  }
}
