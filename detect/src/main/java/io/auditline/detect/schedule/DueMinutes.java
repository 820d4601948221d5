package io.auditline.detect.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which minutes of a zone a tick evaluates, oldest first. */
final class DueMinutes {

  private DueMinutes() {}

  /** The start of the last minute that has fully ended at {@code now}. */
  static Instant lastComplete(Instant now, Duration tick) {
    long tickMs = tick.toMillis();
    long start = Math.floorDiv(now.toEpochMilli(), tickMs) * tickMs;
    return Instant.ofEpochMilli(start - tickMs);
  }

  /**
   * The minutes after the zone's latest claim up to {@code lastComplete}, no further back than
   * {@code lookback}; only {@code lastComplete} for a zone never claimed.
   */
  static List<Instant> of(Optional<Instant> latestClaim, Instant lastComplete, Duration tick, Duration lookback) {
    if (latestClaim.isEmpty()) {
      return List.of(lastComplete);
    }
    Instant floor = lastComplete.minus(lookback).plus(tick);
    Instant first = latestClaim.get().plus(tick);
    if (first.isBefore(floor)) {
      first = floor;
    }
    List<Instant> due = new ArrayList<>();
    for (Instant m = first; !m.isAfter(lastComplete); m = m.plus(tick)) {
      due.add(m);
    }
    return due;
  }
}
