package io.auditline.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1));

    @Test
    void backoffCeilingDoublesPerAttemptUpToMaxBackoff() {
        RandomGenerator top = new TopOfRange();

        assertThat(policy.backoff(1, top)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2, top)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(4, top)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(5, top)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(100, top)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void fullJitterCanDrawZero() {
        RandomGenerator bottom = new TopOfRange() {
            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };

        assertThat(policy.backoff(3, bottom)).isZero();
    }

    @Test
    void rejectsSettingsOutsideTheirRangesNamingValueAndExpectation() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1)))
                .hasMessage("maxAttempts: 0 (expected: 1..100)");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofMillis(1)))
                .hasMessage("initialBackoff: PT0S (expected: > 0)");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("maxBackoff: PT1S (expected: >= initialBackoff PT2S)");
    }

    private static class TopOfRange implements RandomGenerator {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    }
}
