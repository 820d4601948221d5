package io.auditline.detect.alert;

import io.auditline.detect.detector.Detector;
import io.auditline.detect.detector.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One policy's detector for one zone, fed minute by minute. Kept in memory by the instance that owns
 * the zone; a new owner rebuilds it from the stored rollups, which gives the same state.
 */
final class ZoneWatch {

  private final Detector detector;
  private final Instant policyVersion;
  private Instant next;
  private Verdict last = Verdict.pending();

  ZoneWatch(Detector detector, Instant policyVersion, Instant firstMinute) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.policyVersion = Objects.requireNonNull(policyVersion, "policyVersion");
    this.next = Objects.requireNonNull(firstMinute, "firstMinute");
  }

  /** The first minute not fed yet. */
  Instant next() {
    return next;
  }

  Instant policyVersion() {
    return policyVersion;
  }

  /** Feeds consecutive minutes starting at {@link #next()}; returns the verdict of the last one. */
  Verdict feed(long[] counts) {
    for (long count : counts) {
      last = detector.update(next.toEpochMilli(), count);
      next = next.plus(Duration.ofMinutes(1));
    }
    return last;
  }
}
