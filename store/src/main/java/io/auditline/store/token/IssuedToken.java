package io.auditline.store.token;

import java.util.Objects;

/**
 * A token just created: the only moment its plaintext exists outside the caller's hands.
 *
 * <p>{@link #toString()} leaves the plaintext out so that logging the value never leaks it.
 */
public record IssuedToken(TokenInfo info, String plaintext) {

  public IssuedToken {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(plaintext, "plaintext");
  }

  @Override
  public String toString() {
    return "IssuedToken[info=" + info + ", plaintext=<redacted>]";
  }
}
