package io.auditline.bench.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OverheadTest {

  @Test
  void pooledRatioWeighsRoundsByTheirSize() {
    Overhead overhead = Overhead.of(new double[] {100, 300}, new double[] {90, 290});

    assertThat(overhead.pooled()).isCloseTo(380.0 / 400.0, within(1e-12));
    assertThat(overhead.ratios()).containsExactly(0.9, 290.0 / 300.0);
    assertThat(overhead.medianRatio()).isCloseTo((0.9 + 290.0 / 300.0) / 2, within(1e-12));
  }

  @Test
  void driftBetweenRoundsCancelsWithinRounds() {
    // The machine gets 40% slower over the run; tracing costs 2% in every round.
    double[] off = {100_000, 90_000, 80_000, 70_000, 60_000, 100_000, 95_000, 85_000};
    double[] on = new double[off.length];
    for (int i = 0; i < off.length; i++) {
      on[i] = off[i] * 0.98;
    }
    Overhead overhead = Overhead.of(off, on);

    assertThat(overhead.pooled()).isCloseTo(0.98, within(1e-9));
    assertThat(overhead.interval95().low()).isCloseTo(0.98, within(1e-9));
    assertThat(overhead.verdict(0.05)).isEqualTo(Overhead.Verdict.MET);
  }

  @Test
  void noisyRoundsWidenTheIntervalAndOnlyTheEstimateIsWithinBudget() {
    Overhead overhead = Overhead.of(
        new double[] {100, 100, 100, 100, 100, 100},
        new double[] {120, 80, 110, 85, 100, 90});

    Overhead.Interval ci = overhead.interval95();
    assertThat(overhead.pooled()).isCloseTo(0.975, within(1e-9));
    assertThat(ci.low()).isLessThan(0.95);
    assertThat(ci.high()).isGreaterThan(1.0);
    assertThat(overhead.verdict(0.05)).isEqualTo(Overhead.Verdict.LIKELY);
  }

  @Test
  void anEstimateOverBudgetIsMissed() {
    Overhead overhead = Overhead.of(new double[] {100, 100, 100}, new double[] {90, 91, 89});

    assertThat(overhead.verdict(0.05)).isEqualTo(Overhead.Verdict.MISSED);
    assertThat(overhead.describe(0.05)).contains("on/off 0.900", "cost 10.0%", "MISSED", "0.900 0.910 0.890");
  }

  @Test
  void theIntervalIsRepeatable() {
    Overhead overhead = Overhead.of(new double[] {100, 104, 97, 101}, new double[] {99, 98, 99, 97});

    assertThat(overhead.interval95()).isEqualTo(overhead.interval95());
  }

  @Test
  void refusesUnpairedOrEmptyInput() {
    assertThatThrownBy(() -> Overhead.of(new double[] {1, 2}, new double[] {1}))
        .hasMessageContaining("off: 2 values, on: 1");
    assertThatThrownBy(() -> Overhead.of(new double[0], new double[0])).hasMessageContaining("rounds: none");
    assertThatThrownBy(() -> Overhead.of(new double[] {0}, new double[] {1})).hasMessageContaining("both > 0");
  }
}
