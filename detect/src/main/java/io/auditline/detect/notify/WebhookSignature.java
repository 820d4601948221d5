package io.auditline.detect.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Auditline-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, where the
 * HMAC key is the UTF-8 bytes of the webhook's shared secret and the signed message is the
 * timestamp, a full stop and the raw request body: {@code "<t>.<body>"}. Signing the timestamp with
 * the body lets receivers refuse old requests replayed by whoever saw one (see {@link SignatureVerifier}).
 */
public final class WebhookSignature {

  /** The header that carries the signature. */
  public static final String HEADER = "X-Auditline-Signature";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code unixSeconds}. */
  public static String header(String secret, long unixSeconds, byte[] body) {
    return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, unixSeconds, body));
  }

  /** HMAC-SHA256 of {@code "<t>.<body>"} keyed with the secret's UTF-8 bytes. */
  static byte[] hmac(String secret, long unixSeconds, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
