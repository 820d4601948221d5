package io.auditline.store.token;

import java.util.Optional;

/** Turns a bearer token into a principal; empty for unknown, malformed or revoked tokens. */
public interface Authenticator {

  Optional<Principal> authenticate(String bearerToken);
}
