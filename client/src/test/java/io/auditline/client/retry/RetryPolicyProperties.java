package io.auditline.client.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryPolicyProperties {

    @Property
    void backoffStaysWithinZeroAndTheCappedExponentialCeiling(
            @ForAll @IntRange(min = 1, max = 100) int attempt,
            @ForAll @LongRange(min = 1, max = 60_000) long initialMillis,
            @ForAll @LongRange(min = 0, max = 600_000) long extraMillis,
            @ForAll long seed) {
        var policy = new RetryPolicy(100, Duration.ofMillis(initialMillis), Duration.ofMillis(initialMillis + extraMillis));

        Duration backoff = policy.backoff(attempt, new Random(seed));

        Duration exponential = attempt > 40 ? policy.maxBackoff()
                : Duration.ofMillis(initialMillis).multipliedBy(1L << (attempt - 1));
        Duration ceiling = exponential.compareTo(policy.maxBackoff()) < 0 ? exponential : policy.maxBackoff();
        assertThat(backoff).isBetween(Duration.ZERO, ceiling);
    }
}
