package io.auditline.store.db;

import java.time.Duration;
import java.time.Period;
import java.util.Objects;

/**
 * Which daily partitions of {@code audit_events} should exist, and for how long.
 *
 * @param retention partitions whose whole day is older than {@code now - retention} are dropped
 * @param daysBehind past days to keep partitions for (ingest accepts events up to 30 days old)
 * @param daysAhead future days to create partitions for, so a late maintainer never makes rows
 *     fall into the default partition
 * @param interval how often maintenance runs after the first run at start
 */
public record PartitionPolicy(Period retention, int daysBehind, int daysAhead, Duration interval) {

  public PartitionPolicy {
    Objects.requireNonNull(retention, "retention");
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException("retention: " + retention + " (expected: > 0)");
    }
    if (daysBehind < 0) {
      throw new IllegalArgumentException("daysBehind: " + daysBehind + " (expected: >= 0)");
    }
    if (daysAhead < 1) {
      throw new IllegalArgumentException("daysAhead: " + daysAhead + " (expected: >= 1)");
    }
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: " + interval + " (expected: > 0)");
    }
  }

  /** 18 months of retention; partitions for 32 days back and 7 ahead; runs hourly. */
  public static PartitionPolicy defaults() {
    return new PartitionPolicy(Period.ofMonths(18), 32, 7, Duration.ofHours(1));
  }

  public PartitionPolicy withRetention(Period newRetention) {
    return new PartitionPolicy(newRetention, daysBehind, daysAhead, interval);
  }
}
