package io.auditline.detect.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.SecurityAction;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.proto.v1.SecuritySource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecurityEventDecoderTest {

  private final SecurityEventDecoder decoder = new SecurityEventDecoder();

  @Test
  void decodesAnEventWithEnumsAsLowerCaseWords() {
    SecurityEvent event = SecurityEvent.newBuilder().setAccountId("acct-1").setZoneId("z1")
        .setOccurredAt(Timestamp.newBuilder().setSeconds(1_764_000_000L).setNanos(5))
        .setAction(SecurityAction.SECURITY_ACTION_MANAGED_CHALLENGE).setSource(SecuritySource.SECURITY_SOURCE_RATE_LIMIT)
        .setRuleId("r9").setClientIp("203.0.113.1").setClientCountry("FR").setHost("a.example").setPath("/x").build();

    SecurityObservation o = decoder.decode(new byte[0], event.toByteArray()).orElseThrow();

    assertThat(o).isEqualTo(new SecurityObservation("z1", "acct-1", Instant.ofEpochSecond(1_764_000_000L, 5), "managed_challenge",
        "rate_limit", "r9", "203.0.113.1", "FR", "a.example", "/x"));
  }

  @Test
  void skipsBytesThatAreNotASecurityEventAndEventsWithoutAZone() {
    assertThat(decoder.decode(null, new byte[] {(byte) 0xFF, (byte) 0xFF, 0x01})).isEmpty();
    assertThat(decoder.decode(null, null)).isEmpty();
    SecurityEvent noZone = SecurityEvent.newBuilder().setAccountId("acct-1")
        .setAction(SecurityAction.SECURITY_ACTION_BLOCK).setSource(SecuritySource.SECURITY_SOURCE_WAF).build();
    assertThat(decoder.decode(null, noZone.toByteArray())).isEmpty();
  }
}
