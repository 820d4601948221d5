package io.auditline.detect.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * Capped exponential backoff with full jitter: before retry {@code n} (1-based) wait a uniformly
 * random time in {@code [0, min(max, initial * 2^(n-1))]}, so many notifiers failing together do not
 * retry together.
 *
 * @param maxAttempts attempts in all, the first included
 * @param maxTotalWait the most time spent waiting between attempts, summed; a wait that would pass it ends the retries
 */
public record Backoff(int maxAttempts, Duration initial, Duration max, Duration maxTotalWait) {

  /** 6 attempts, 1 s doubling to 60 s, within 5 minutes of waiting. */
  public static final Backoff DEFAULT = new Backoff(6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

  public Backoff {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts: %d (expected: >= 1)".formatted(maxAttempts));
    }
    requirePositive(initial, "initial");
    requirePositive(max, "max");
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max: %s (expected: >= initial %s)".formatted(max, initial));
    }
    Objects.requireNonNull(maxTotalWait, "maxTotalWait");
    if (maxTotalWait.isNegative()) {
      throw new IllegalArgumentException("maxTotalWait: %s (expected: >= 0)".formatted(maxTotalWait));
    }
  }

  /** The cap of the wait before retry {@code retry} (1-based): {@code min(max, initial * 2^(retry-1))}. */
  public Duration ceiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry: %d (expected: >= 1)".formatted(retry));
    }
    int shift = Math.min(retry - 1, 30);
    long millis = initial.toMillis();
    long ceiling = millis > (max.toMillis() >> shift) ? max.toMillis() : millis << shift;
    return Duration.ofMillis(Math.min(ceiling, max.toMillis()));
  }

  /** The jittered wait before retry {@code retry}, given a uniform random {@code u} in [0, 1). */
  public Duration delay(int retry, double u) {
    if (!(u >= 0 && u < 1)) {
      throw new IllegalArgumentException("u: %s (expected: in [0, 1))".formatted(u));
    }
    return Duration.ofMillis((long) (ceiling(retry).toMillis() * u));
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("%s: %s (expected: > 0)".formatted(name, d));
    }
  }
}
