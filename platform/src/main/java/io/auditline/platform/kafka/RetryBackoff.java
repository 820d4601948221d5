package io.auditline.platform.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff between attempts at a failing batch: {@code initial}, twice that, and
 * so on up to {@code max}.
 *
 * @param initial the wait after the first failure
 * @param max the longest wait; kept well under Kafka's {@code max.poll.interval.ms} (5 minutes)
 */
public record RetryBackoff(Duration initial, Duration max) {

  public RetryBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.toMillis() < 1) {
      throw new IllegalArgumentException("retry initial: %s (expected: >= 1ms)".formatted(initial));
    }
    if (max.compareTo(initial) < 0 || max.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "retry max: %s (expected: between initial %s and 1m)".formatted(max, initial));
    }
  }

  /** 100 ms doubling up to 30 s. */
  public static RetryBackoff defaults() {
    return new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(30));
  }

  /** The wait after the {@code failures}-th consecutive failure (1-based). */
  public Duration delay(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures: %d (expected: >= 1)".formatted(failures));
    }
    // Shift at most 30 places: beyond that every delay is capped anyway and the long would overflow.
    long millis = initial.toMillis() << Math.min(failures - 1, 30);
    return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
  }
}
