package io.auditline.ingest.testing;

import io.auditline.proto.v1.SecurityAction;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.proto.v1.SecuritySource;
import java.time.Instant;
import java.util.UUID;

/** Valid security events for tests; tests change one field at a time. */
public final class SecurityEvents {

  private SecurityEvents() {}

  public static SecurityEvent.Builder valid() {
    return valid("acct-1", "zone-1");
  }

  public static SecurityEvent.Builder valid(String account, String zone) {
    return SecurityEvent.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setAccountId(account)
        .setZoneId(zone)
        .setOccurredAt(Events.at(Instant.now()))
        .setAction(SecurityAction.SECURITY_ACTION_BLOCK)
        .setSource(SecuritySource.SECURITY_SOURCE_WAF)
        .setRuleId("100015")
        .setClientIp("198.51.100.23")
        .setClientCountry("DE")
        .setClientAsn(64496)
        .setHost("shop.example.com")
        .setPath("/login?next=%2Faccount")
        .setMethod("POST")
        .setUserAgent("Mozilla/5.0")
        .setRequestId("8a1b2c3d4e5f6a7b-FRA")
        .setSchemaVersion(1);
  }
}
