package io.auditline.store.token;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What may be shown about a token after it was created: everything but the secret. */
public record TokenInfo(
    String id,
    String accountId,
    String name,
    Set<Scope> scopes,
    Instant createdAt,
    Optional<Instant> revokedAt,
    Optional<Instant> lastUsedAt) {

  public TokenInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(name, "name");
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
  }

  public boolean revoked() {
    return revokedAt.isPresent();
  }
}
