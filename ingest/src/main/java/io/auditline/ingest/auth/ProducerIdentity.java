package io.auditline.ingest.auth;

import java.util.Objects;

/** Who is producing: the SPIFFE id or common name of the client certificate. */
public record ProducerIdentity(String value) {

  public ProducerIdentity {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("producer identity: blank (expected: a SPIFFE id or a CN)");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
