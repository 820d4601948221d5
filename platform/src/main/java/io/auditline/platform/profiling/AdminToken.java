package io.auditline.platform.profiling;

import com.sun.net.httpserver.HttpHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * The bearer token that guards {@code /admin/*} on the admin port, when one is configured.
 *
 * <p>The admin port is meant to be reachable only from operators' networks; the token is a second
 * lock for deployments where that port is shared with scrapers. Comparison hashes both sides first,
 * so it takes the same time whatever the guess and does not reveal the token's length.
 */
public final class AdminToken {

  private static final AdminToken NONE = new AdminToken(null);

  private final byte[] digest;

  private AdminToken(byte[] digest) {
    this.digest = digest;
  }

  /** No token: {@code /admin/*} is protected by the admin port alone. */
  public static AdminToken none() {
    return NONE;
  }

  /** Requires {@code Authorization: Bearer <token>}. */
  public static AdminToken of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank() || token.length() < 16) {
      throw new IllegalArgumentException("adminToken: %d characters (expected: at least 16, not blank)".formatted(token.length()));
    }
    return new AdminToken(sha256(token));
  }

  /** {@link #of} when present, {@link #none} otherwise. */
  public static AdminToken fromConfig(Optional<String> token) {
    return token.map(AdminToken::of).orElse(NONE);
  }

  public boolean required() {
    return digest != null;
  }

  /** Whether an {@code Authorization} header value (may be null) carries the token. */
  public boolean accepts(String authorization) {
    if (digest == null) {
      return true;
    }
    String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim()
        : "";
    // Always compare, even for a missing header, so every rejection costs the same; the token is
    // never blank, so an empty value cannot match.
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  /** {@code inner} behind this token: 401 with {@code WWW-Authenticate: Bearer} without it. */
  public HttpHandler guard(HttpHandler inner) {
    Objects.requireNonNull(inner, "inner");
    return exchange -> {
      if (accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
        inner.handle(exchange);
        return;
      }
      try (exchange) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"auditline-admin\"");
        HttpResponses.text(exchange, 401, "admin token missing or wrong (expected: Authorization: Bearer <http.adminToken>)");
      }
    };
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  @Override
  public String toString() {
    return digest == null ? "AdminToken[none]" : "AdminToken[***]";
  }
}
