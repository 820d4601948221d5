package io.auditline.detect.policy;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored alert policy of one account.
 *
 * @param filtersSince when the filters took their current form: the policy's filtered counts exist from then on
 */
public record AlertPolicy(UUID id, String accountId, PolicySpec spec, Instant createdAt, Instant updatedAt,
    Instant filtersSince) {

  public AlertPolicy {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(filtersSince, "filtersSince");
  }

  /** Whether the policy counts only some events (then its series is {@code by_policy}, else the zone total). */
  public boolean filtered() {
    return !spec.filters().equals(PolicyFilters.NONE);
  }
}
