package io.auditline.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DueMinutesTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void lastCompleteIsTheMinuteBeforeTheCurrentOne() {
    assertThat(DueMinutes.lastComplete(Instant.parse("2026-11-26T10:00:59.999Z"), MINUTE)).isEqualTo(T.minus(MINUTE));
    assertThat(DueMinutes.lastComplete(Instant.parse("2026-11-26T10:01:00Z"), MINUTE)).isEqualTo(T);
  }

  @Test
  void aZoneNeverClaimedStartsWithTheLastCompleteMinute() {
    assertThat(DueMinutes.of(Optional.empty(), T, MINUTE, HOUR)).containsExactly(T);
  }

  @Test
  void aZoneUpToDateHasOneMinuteDue() {
    assertThat(DueMinutes.of(Optional.of(T.minus(MINUTE)), T, MINUTE, HOUR)).containsExactly(T);
  }

  @Test
  void aZoneAlreadyClaimedHasNothingDue() {
    assertThat(DueMinutes.of(Optional.of(T), T, MINUTE, HOUR)).isEmpty();
  }

  @Test
  void aTakenOverZoneCatchesUpEveryMinuteSinceItsLatestClaimOldestFirst() {
    assertThat(DueMinutes.of(Optional.of(T.minus(Duration.ofMinutes(3))), T, MINUTE, HOUR))
        .containsExactly(T.minus(Duration.ofMinutes(2)), T.minus(MINUTE), T);
  }

  @Test
  void catchUpGoesBackNoFurtherThanTheLookback() {
    assertThat(DueMinutes.of(Optional.of(T.minus(Duration.ofDays(1))), T, MINUTE, HOUR))
        .hasSize(60).startsWith(T.minus(Duration.ofMinutes(59))).endsWith(T);
  }
}
