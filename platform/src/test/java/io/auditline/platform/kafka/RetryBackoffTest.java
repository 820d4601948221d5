package io.auditline.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

  @Test
  void doublesFromTheInitialDelay() {
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofMillis(800));
  }

  @Test
  void neverExceedsTheCapEvenAfterVeryManyFailures() {
    assertThat(backoff.delay(7)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(64)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void rejectsACapBelowTheInitialDelayOrAboveOneMinute() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("retry max: PT1S");
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(2)))
        .hasMessageContaining("expected: between initial PT1S and 1m");
  }

  @Test
  void rejectsAFailureCountBelowOne() {
    assertThatThrownBy(() -> backoff.delay(0)).hasMessage("failures: 0 (expected: >= 1)");
  }
}
