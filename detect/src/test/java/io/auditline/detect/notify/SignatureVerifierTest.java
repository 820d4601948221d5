package io.auditline.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {

  private static final String SECRET = "whsec_test_0123456789abcdef";
  private static final long T = 1_795_000_000L;
  private static final byte[] BODY = "{\"zone_id\":\"shop.example.com\",\"observed\":5120}".getBytes(StandardCharsets.UTF_8);

  private final SignatureVerifier verifier =
      new SignatureVerifier(SECRET, Duration.ofMinutes(5), Clock.fixed(Instant.ofEpochSecond(T + 60), ZoneOffset.UTC));

  @Test
  void signsTimestampDotBodyWithHmacSha256() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal((T + "." + new String(BODY, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8)));

    assertThat(WebhookSignature.header(SECRET, T, BODY)).isEqualTo("t=" + T + ",v1=" + expected);
  }

  @Test
  void acceptsItsOwnSignature() {
    assertThat(verifier.verify(WebhookSignature.header(SECRET, T, BODY), BODY)).isTrue();
  }

  @Test
  void refusesTamperedBody() {
    byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("5120", "5121").getBytes(StandardCharsets.UTF_8);

    assertThat(verifier.verify(WebhookSignature.header(SECRET, T, BODY), tampered)).isFalse();
  }

  @Test
  void refusesAnotherSecret() {
    assertThat(verifier.verify(WebhookSignature.header("another-secret-0123456", T, BODY), BODY)).isFalse();
  }

  @Test
  void refusesTimestampOutsideTolerance() {
    assertThat(verifier.verify(WebhookSignature.header(SECRET, T - 300, BODY), BODY)).isFalse();
    assertThat(verifier.verify(WebhookSignature.header(SECRET, T + 400, BODY), BODY)).isFalse();
  }

  @Test
  void refusesChangedTimestamp() {
    String header = WebhookSignature.header(SECRET, T, BODY).replace("t=" + T, "t=" + (T + 1));

    assertThat(verifier.verify(header, BODY)).isFalse();
  }

  @Test
  void acceptsAnyOfSeveralSignatures() {
    String header = WebhookSignature.header(SECRET, T, BODY);
    String rotated = "t=" + T + ",v1=" + "00".repeat(32) + "," + header.substring(header.indexOf("v1="));

    assertThat(verifier.verify(rotated, BODY)).isTrue();
  }

  @Test
  void refusesMalformedHeaders() {
    assertThat(verifier.verify(null, BODY)).isFalse();
    assertThat(verifier.verify("", BODY)).isFalse();
    assertThat(verifier.verify("t=" + T, BODY)).isFalse();
    assertThat(verifier.verify("v1=abcd", BODY)).isFalse();
    assertThat(verifier.verify("t=soon,v1=abcd", BODY)).isFalse();
    assertThat(verifier.verify("t=" + T + ",v1=zz", BODY)).isFalse();
  }
}
