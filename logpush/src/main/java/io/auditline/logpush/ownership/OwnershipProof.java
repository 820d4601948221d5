package io.auditline.logpush.ownership;

import java.util.Objects;

/** How a request proves that a destination belongs to the customer. */
public sealed interface OwnershipProof {

  /** The token read from a challenge object that {@link Ownership#challenge} wrote to the destination. */
  record Challenge(String token) implements OwnershipProof {
    public Challenge {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
      return "Challenge[token=***]";
    }
  }

  /** Write a check object and read it back, with no human step (for infrastructure as code). */
  record VerifyCredentials() implements OwnershipProof {}
}
