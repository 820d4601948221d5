package io.auditline.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;

class DurationsTest {

  @Property
  void parsesAmountWithEachShortUnit(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long amount,
      @ForAll("units") String unit) {
    ChronoUnit expected = switch (unit) {
      case "ns" -> ChronoUnit.NANOS;
      case "us" -> ChronoUnit.MICROS;
      case "ms" -> ChronoUnit.MILLIS;
      case "s" -> ChronoUnit.SECONDS;
      case "m" -> ChronoUnit.MINUTES;
      case "h" -> ChronoUnit.HOURS;
      default -> ChronoUnit.DAYS;
    };
    assertThat(Durations.parse(amount + unit)).isEqualTo(Duration.of(amount, expected));
  }

  @Property
  void formatThenParseIsIdentity(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long seconds,
      @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
    Duration d = Duration.ofSeconds(seconds, nanos);
    assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
  }

  @Property
  void parsesIsoForms(@ForAll @LongRange(min = 0, max = 1_000_000) long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    assertThat(Durations.parse(d.toString())).isEqualTo(d);
  }

  @Property
  void rejectsTextThatIsNotADuration(@ForAll @StringLength(max = 12) String text) {
    boolean shortForm = text.strip().toLowerCase().matches("\\d+\\s*(ns|us|ms|s|m|h|d)");
    boolean iso = text.strip().toUpperCase().startsWith("P");
    if (!shortForm && !iso) {
      assertThatThrownBy(() -> Durations.parse(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected: a duration like 30s");
    }
  }

  @Example
  void formatsInTheLargestExactUnit() {
    assertThat(Durations.format(Duration.ofSeconds(30))).isEqualTo("30s");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.format(Duration.ofDays(2))).isEqualTo("2d");
    assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Provide
  Arbitrary<String> units() {
    return Arbitraries.of("ns", "us", "ms", "s", "m", "h", "d");
  }
}
