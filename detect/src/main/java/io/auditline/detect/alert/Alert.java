package io.auditline.detect.alert;

import io.auditline.detect.notify.NamedCount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One alert episode of a policy on a zone: it fires at {@code startedAt} and resolves once the zone
 * stayed quiet long enough after {@code lastHotAt}.
 *
 * @param observed events in the window that fired
 * @param expected what the detector expected for that window
 */
public record Alert(UUID id, String accountId, UUID policyId, String policyName, String zoneId, String detector,
    State state, Instant startedAt, Instant lastHotAt, Optional<Instant> resolvedAt, Instant windowStart, Instant windowEnd,
    long observed, double expected, double score, double threshold, List<NamedCount> topRules,
    List<NamedCount> topClientIps, List<NamedCount> topCountries) {

  public enum State {
    FIRING, RESOLVED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static State fromWire(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(zoneId, "zoneId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(resolvedAt, "resolvedAt");
    topRules = List.copyOf(topRules);
    topClientIps = List.copyOf(topClientIps);
    topCountries = List.copyOf(topCountries);
  }

  /** The id of the episode that starts at {@code minute}: a repeated evaluation of that minute finds the same one. */
  public static UUID idFor(UUID policyId, String zoneId, Instant minute) {
    String key = policyId + "\n" + zoneId + "\n" + minute;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }
}
