package io.auditline.store.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The plaintext form of an API token, {@code alt_<id>_<secret>}: the id finds the row, the secret
 * proves possession and is stored only as its SHA-256.
 *
 * <p>The id alphabet has no {@code _}, so the first {@code _} after the id separates it from the
 * base64url secret (which may itself contain {@code _}).
 */
final class BearerToken {

  static final String PREFIX = "alt_";
  private static final int ID_LENGTH = 16;
  private static final int SECRET_BYTES = 32;
  private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
  private static final Pattern ID = Pattern.compile("[a-z0-9]{" + ID_LENGTH + "}");
  private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** A parsed token; {@code secret} is the base64url text as the caller sent it. */
  record Parts(String id, String secret) {
    @Override
    public String toString() {
      return "Parts[id=" + id + ", secret=<redacted>]";
    }
  }

  private BearerToken() {}

  static String newId(SecureRandom random) {
    char[] id = new char[ID_LENGTH];
    for (int i = 0; i < id.length; i++) {
      id[i] = ID_ALPHABET[random.nextInt(ID_ALPHABET.length)];
    }
    return new String(id);
  }

  static String newSecret(SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static String format(String id, String secret) {
    return PREFIX + id + "_" + secret;
  }

  /** Splits a bearer token; empty when it does not have the shape of one of ours. */
  static Optional<Parts> parse(String token) {
    if (token == null || !token.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int separator = PREFIX.length() + ID_LENGTH;
    if (token.length() <= separator || token.charAt(separator) != '_') {
      return Optional.empty();
    }
    String id = token.substring(PREFIX.length(), separator);
    String secret = token.substring(separator + 1);
    if (!ID.matcher(id).matches() || !SECRET.matcher(secret).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Parts(id, secret));
  }

  static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
