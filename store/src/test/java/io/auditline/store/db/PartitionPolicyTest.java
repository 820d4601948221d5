package io.auditline.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

class PartitionPolicyTest {

  @Test
  void defaultsCoverTheIngestWindowAndEighteenMonthsOfRetention() {
    PartitionPolicy policy = PartitionPolicy.defaults();
    assertThat(policy.retention()).isEqualTo(Period.ofMonths(18));
    assertThat(policy.daysBehind()).isGreaterThanOrEqualTo(30);
    assertThat(policy.daysAhead()).isEqualTo(7);
    assertThat(policy.interval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void rejectsNonPositiveRetention() {
    assertThatThrownBy(() -> PartitionPolicy.defaults().withRetention(Period.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retention: P0D (expected: > 0)");
  }

  @Test
  void rejectsNoDaysAhead() {
    assertThatThrownBy(() -> new PartitionPolicy(Period.ofDays(30), 3, 0, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("daysAhead: 0 (expected: >= 1)");
  }
}
