package io.auditline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

class ScheduleTest {

  @Property
  void scheduleRampsUpThenHoldsTheRateAndTimesAreItsInverse(
      @ForAll @DoubleRange(min = 1, max = 100_000) double perSecond,
      @ForAll @LongRange(min = 0, max = 60_000_000_000L) long rampNanos,
      @ForAll @LongRange(min = 0, max = 1_000_000) long n) {
    LoadGenerator.Schedule schedule = new LoadGenerator.Schedule(perSecond, rampNanos);
    long at = schedule.timeOf(n);

    assertThat(schedule.timeOf(n + 1)).isGreaterThanOrEqualTo(at);
    // RPC n is due at its time (give or take the rounding of one RPC), not before.
    assertThat(schedule.dueBy(at + 1_000)).isGreaterThanOrEqualTo(n);
    assertThat(schedule.dueBy(Math.max(0, at - 1_000))).isLessThanOrEqualTo(n + 1);
    // After the ramp the full rate holds: one second more is perSecond more RPCs.
    long later = rampNanos + at;
    assertThat((double) schedule.dueBy(later + 1_000_000_000L) - schedule.dueBy(later)).isCloseTo(perSecond, within(1.0));
  }
}
