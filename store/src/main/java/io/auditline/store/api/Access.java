package io.auditline.store.api;

import io.auditline.store.token.Authenticator;
import io.auditline.store.token.Principal;
import io.auditline.store.token.Scope;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request may act on an account: authentication (401), then the account (404, exactly
 * like a missing resource, so a token never learns whether another account exists), then the
 * scope (403). Parameters are looked at only after access is granted.
 */
public sealed interface Access {

  record Granted(Principal principal) implements Access {}

  record Denied(Problem problem) implements Access {}

  /** Checks {@code authorization} (the header's value, may be null) for acting on {@code account} with {@code scope}. */
  static Access check(Authenticator authenticator, String authorization, String account, Scope scope) {
    Optional<String> token = bearer(authorization);
    if (token.isEmpty()) {
      return new Denied(Problem.unauthenticated("Send an API token: Authorization: Bearer <token>."));
    }
    Optional<Principal> principal = authenticator.authenticate(token.get());
    if (principal.isEmpty()) {
      return new Denied(Problem.unauthenticated("The API token is invalid or revoked."));
    }
    Principal p = principal.get();
    if (!p.accountId().equals(account)) {
      return new Denied(Problem.notFound());
    }
    if (!p.may(account, scope)) {
      return new Denied(Problem.forbidden("The API token lacks the scope " + scope.wireName() + "."));
    }
    return new Granted(p);
  }

  /** The credentials of an {@code Authorization: Bearer ...} header; the scheme is case-insensitive. */
  static Optional<String> bearer(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.strip();
    if (value.length() <= 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return Optional.empty();
    }
    String token = value.substring(7).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
