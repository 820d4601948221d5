package io.auditline.detect.notify;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Checks an {@code X-Auditline-Signature} header on the receiving side; a reference for customers,
 * who can port its dozen lines. Verify the raw body bytes as received, before parsing the JSON.
 *
 * <ol>
 *   <li>Split the header on {@code ,}; take {@code t} and every {@code v1} (there may be several
 *       while a secret is being rotated).
 *   <li>Refuse it if {@code t} is further than the tolerance from now (replays).
 *   <li>Compute the hex HMAC-SHA256 of {@code "<t>.<body>"} with the shared secret and compare it
 *       with each {@code v1} in constant time ({@link MessageDigest#isEqual}).
 * </ol>
 */
public final class SignatureVerifier {

  /** The window Auditline recommends: wide enough for retries' clock skew, narrow enough for replays. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  private final String secret;
  private final Duration tolerance;
  private final Clock clock;

  public SignatureVerifier(String secret, Duration tolerance, Clock clock) {
    this.secret = Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret: empty (expected: the webhook's shared secret)");
    }
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative() || tolerance.isZero()) {
      throw new IllegalArgumentException("tolerance: %s (expected: > 0)".formatted(tolerance));
    }
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public SignatureVerifier(String secret) {
    this(secret, DEFAULT_TOLERANCE, Clock.systemUTC());
  }

  /** True only if the header is well formed, recent, and signs exactly {@code body}. */
  public boolean verify(String header, byte[] body) {
    if (header == null || body == null) {
      return false;
    }
    Long t = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String part : header.split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = part.substring(0, eq).trim();
      String value = part.substring(eq + 1).trim();
      try {
        if (key.equals("t")) {
          t = Long.parseLong(value);
        } else if (key.equals("v1")) {
          signatures.add(HexFormat.of().parseHex(value));
        }
      } catch (IllegalArgumentException malformed) {
        return false;
      }
    }
    if (t == null || signatures.isEmpty()) {
      return false;
    }
    long age = Math.abs(clock.instant().getEpochSecond() - t);
    if (age > tolerance.toSeconds()) {
      return false;
    }
    byte[] expected = WebhookSignature.hmac(secret, t, body);
    boolean match = false;
    for (byte[] candidate : signatures) {
      // No early exit: the time taken says nothing about which signature matched.
      match |= MessageDigest.isEqual(expected, candidate);
    }
    return match;
  }

  @Override
  public String toString() {
    return "SignatureVerifier[tolerance=" + tolerance + "]";
  }
}
