package io.auditline.detect.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A stored alert policy of one account. */
public record AlertPolicy(UUID id, String accountId, PolicySpec spec, Instant createdAt, Instant updatedAt) {

  public AlertPolicy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
