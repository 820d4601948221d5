package io.auditline.ingest.limit;

import io.auditline.ingest.auth.ProducerIdentity;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Per-producer event rate limit; answers how long to wait when a producer is over its rate. */
public final class ProducerRateLimiter {

  private final RateLimit limit;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<ProducerIdentity, TokenBucket> buckets = new ConcurrentHashMap<>();

  public ProducerRateLimiter(RateLimit limit, LongSupplier nanoClock) {
    this.limit = limit;
    this.nanoClock = nanoClock;
  }

  /** Empty when the producer may send {@code events} more events now; else the delay to retry. */
  public Optional<Duration> tryAcquire(ProducerIdentity producer, int events) {
    return buckets
        .computeIfAbsent(
            producer, p -> new TokenBucket(limit.eventsPerSecond(), limit.burstEvents(), nanoClock))
        .tryAcquire(events);
  }

  /** Events per second per producer, and the burst a producer may send at once. */
  public record RateLimit(double eventsPerSecond, int burstEvents) {
    public RateLimit {
      if (!(eventsPerSecond > 0)) {
        throw new IllegalArgumentException("eventsPerSecond: " + eventsPerSecond + " (expected: > 0)");
      }
      if (burstEvents < 1) {
        throw new IllegalArgumentException("burstEvents: " + burstEvents + " (expected: >= 1)");
      }
    }
  }
}
