package io.auditline.detect.policy;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a client configures in an alert policy; {@link AlertPolicy} adds identity and times. */
public record PolicySpec(String name, boolean enabled, ZoneScope zones, PolicyFilters filters, DetectorKind detector,
    Sensitivity sensitivity, long minVolume, Duration cooldown, List<Channel> channels) {

  public PolicySpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zones, "zones");
    Objects.requireNonNull(filters, "filters");
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(sensitivity, "sensitivity");
    Objects.requireNonNull(cooldown, "cooldown");
    channels = List.copyOf(channels);
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: \"%s\" (expected: not blank)".formatted(name));
    }
    if (minVolume < 0) {
      throw new IllegalArgumentException("minVolume: %d (expected: >= 0)".formatted(minVolume));
    }
    if (cooldown.isNegative() || cooldown.isZero()) {
      throw new IllegalArgumentException("cooldown: %s (expected: > 0)".formatted(cooldown));
    }
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("channels: [] (expected: at least one)");
    }
  }
}
