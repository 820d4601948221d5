package io.auditline.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a failed call is retried: capped exponential backoff with full jitter.
 *
 * @param maxAttempts    total attempts including the first one; 1 disables retries
 * @param initialBackoff the backoff ceiling before the second attempt
 * @param maxBackoff     the backoff ceiling never exceeded by the exponential growth
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Attempts are capped because a producer must learn of an outage in seconds, not hours. */
    public static final int MAX_ATTEMPTS_LIMIT = 100;

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException(
                    "maxAttempts: " + maxAttempts + " (expected: 1.." + MAX_ATTEMPTS_LIMIT + ")");
        }
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff: " + initialBackoff + " (expected: > 0)");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff: " + maxBackoff + " (expected: >= initialBackoff " + initialBackoff + ")");
        }
    }

    /** Five attempts, 100 ms initial backoff, 5 s cap: rides out a broker failover of a few seconds. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    /** A policy that makes a single attempt. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1));
    }

    /**
     * The backoff before the attempt after {@code failedAttempt}: uniformly random between zero and
     * {@code min(maxBackoff, initialBackoff * 2^(failedAttempt - 1))}, so that many producers failing
     * together do not retry together.
     */
    public Duration backoff(int failedAttempt, RandomGenerator random) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("failedAttempt: " + failedAttempt + " (expected: >= 1)");
        }
        long initialNanos = initialBackoff.toNanos();
        long maxNanos = maxBackoff.toNanos();
        // Shift no further than needed to reach the cap, which also keeps the shift from overflowing.
        int shift = Math.min(failedAttempt - 1, 62);
        long ceiling = initialNanos > (maxNanos >> shift) ? maxNanos : Math.min(maxNanos, initialNanos << shift);
        return Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}
