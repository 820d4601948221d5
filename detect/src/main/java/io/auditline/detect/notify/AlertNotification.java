package io.auditline.detect.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of an alert's state, as sent to a customer's channels.
 *
 * @param observed events in the window
 * @param expected the baseline the detector expected for the window
 * @param score the detector's anomaly score
 * @param threshold the score at or above which the detector fires
 * @param occurredAt when the alert fired or resolved
 */
public record AlertNotification(
    String accountId,
    String zoneId,
    String alertId,
    AlertState state,
    String detector,
    Instant windowStart,
    Instant windowEnd,
    long observed,
    double expected,
    double score,
    double threshold,
    List<NamedCount> topRules,
    List<NamedCount> topClientIps,
    List<NamedCount> topCountries,
    String policyId,
    String policyName,
    Instant occurredAt) {

  public AlertNotification {
    requireText(accountId, "accountId");
    requireText(zoneId, "zoneId");
    requireText(alertId, "alertId");
    Objects.requireNonNull(state, "state");
    requireText(detector, "detector");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    if (!windowEnd.isAfter(windowStart)) {
      throw new IllegalArgumentException(
          "windowEnd: %s (expected: after windowStart %s)".formatted(windowEnd, windowStart));
    }
    if (observed < 0) {
      throw new IllegalArgumentException("observed: %d (expected: >= 0)".formatted(observed));
    }
    requireFinite(expected, "expected");
    requireFinite(score, "score");
    requireFinite(threshold, "threshold");
    topRules = List.copyOf(Objects.requireNonNull(topRules, "topRules"));
    topClientIps = List.copyOf(Objects.requireNonNull(topClientIps, "topClientIps"));
    topCountries = List.copyOf(Objects.requireNonNull(topCountries, "topCountries"));
    requireText(policyId, "policyId");
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(occurredAt, "occurredAt");
  }

  /**
   * Identifies this notification to receivers; the same for every retry of it, and different for
   * the firing and the resolving of one alert, so a receiver can drop duplicates.
   */
  public String deliveryId() {
    String key = String.join("\n", accountId, zoneId, alertId, state.wireName());
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + ": blank (expected: non-blank)");
    }
  }

  private static void requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("%s: %s (expected: a finite number)".formatted(name, value));
    }
  }
}
