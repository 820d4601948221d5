package io.auditline.store.token;

import java.util.Objects;
import java.util.Set;

/** Who is calling the customer API: one token, scoped to one account and a set of permissions. */
public record Principal(String tokenId, String accountId, Set<Scope> scopes) {

  public Principal {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(accountId, "accountId");
    scopes = Set.copyOf(scopes);
  }

  /** True when this principal may act on {@code account} with {@code scope}. */
  public boolean may(String account, Scope scope) {
    return accountId.equals(account) && scopes.contains(scope);
  }
}
