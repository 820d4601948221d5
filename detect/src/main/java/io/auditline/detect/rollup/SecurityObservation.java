package io.auditline.detect.rollup;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One security event as the rollups see it; decoded from the {@code SecurityEvent} contract by an
 * {@link ObservationDecoder}. Optional attributes are empty strings when the event lacks them.
 */
public record SecurityObservation(String zoneId, String accountId, Instant occurredAt, String action, String source,
    String ruleId, String clientIp, String country, String host, String path) {

  public SecurityObservation {
    zoneId = required(zoneId, "zoneId");
    accountId = required(accountId, "accountId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    action = required(action, "action");
    source = required(source, "source");
    ruleId = Optional.ofNullable(ruleId).orElse("");
    clientIp = Optional.ofNullable(clientIp).orElse("");
    country = Optional.ofNullable(country).orElse("");
    host = Optional.ofNullable(host).orElse("");
    path = Optional.ofNullable(path).orElse("");
  }

  private static String required(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException("%s: \"%s\" (expected: not blank)".formatted(name, value));
    }
    return value;
  }
}
