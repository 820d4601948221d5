package io.auditline.logpush.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobHealthTest {

  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Instant START = NOW.minusSeconds(3600);

  @Test
  void lagIsZeroWithoutBacklogElseTimeSinceTheLastDelivery() {
    assertThat(health(Optional.of(NOW.minusSeconds(90)), Optional.empty(), 0, 0).lagSeconds(NOW, START)).isZero();
    assertThat(health(Optional.of(NOW.minusSeconds(90)), Optional.empty(), 0, 12).lagSeconds(NOW, START)).isEqualTo(90);
    assertThat(health(Optional.empty(), Optional.empty(), 0, 12).lagSeconds(NOW, START)).isEqualTo(3600);
    assertThat(health(Optional.of(NOW.plusSeconds(5)), Optional.empty(), 0, 1).lagSeconds(NOW, START)).isZero();
  }

  @Test
  void unhealthyAfterThreeFailuresOrAnErrorNewerThanTheLastDelivery() {
    assertThat(health(Optional.empty(), Optional.empty(), 0, 0).healthy()).isTrue();
    assertThat(health(Optional.of(NOW), Optional.of(NOW.minusSeconds(1)), 2, 0).healthy()).isTrue();
    assertThat(health(Optional.of(NOW), Optional.of(NOW.minusSeconds(1)), 3, 0).healthy()).isFalse();
    assertThat(health(Optional.of(NOW.minusSeconds(1)), Optional.of(NOW), 1, 0).healthy()).isFalse();
    assertThat(health(Optional.empty(), Optional.of(NOW), 1, 0).healthy()).isFalse();
  }

  private static JobHealth health(Optional<Instant> complete, Optional<Instant> error, int failures, long lag) {
    return new JobHealth(complete, error, error.map(e -> "boom"), failures, lag, 0);
  }
}
