package io.auditline.ingest.limit;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code ratePerSecond} tokens refill continuously up to {@code burst}. Thread-safe;
 * one bucket per producer.
 */
public final class TokenBucket {

  private final double ratePerNano;
  private final double burst;
  private final LongSupplier nanoClock;
  private double tokens;
  private long lastNanos;

  public TokenBucket(double ratePerSecond, double burst, LongSupplier nanoClock) {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("ratePerSecond: " + ratePerSecond + " (expected: > 0)");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst: " + burst + " (expected: >= 1)");
    }
    this.ratePerNano = ratePerSecond / 1e9;
    this.burst = burst;
    this.nanoClock = nanoClock;
    this.tokens = burst;
    this.lastNanos = nanoClock.getAsLong();
  }

  /**
   * Takes {@code n} tokens if available; otherwise takes none and returns how long until they would
   * be. A request larger than the burst can never pass and gets the time to refill the whole burst.
   */
  public synchronized Optional<Duration> tryAcquire(int n) {
    long now = nanoClock.getAsLong();
    tokens = Math.min(burst, tokens + (now - lastNanos) * ratePerNano);
    lastNanos = now;
    if (n <= tokens) {
      tokens -= n;
      return Optional.empty();
    }
    double missing = Math.min(n, burst) - tokens;
    long waitNanos = (long) Math.ceil(missing / ratePerNano);
    return Optional.of(Duration.ofNanos(Math.max(waitNanos, 1_000_000)));
  }
}
