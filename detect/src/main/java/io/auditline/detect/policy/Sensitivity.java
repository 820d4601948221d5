package io.auditline.detect.policy;

import java.util.Locale;

/** How readily a policy alerts: a named level or a number in (0, 1], higher alerting sooner. */
public sealed interface Sensitivity {

  /** The level as a number in (0, 1]. */
  double value();

  enum Level implements Sensitivity {
    LOW(0.25), MEDIUM(0.5), HIGH(0.75);

    private final double value;

    Level(double value) {
      this.value = value;
    }

    @Override
    public double value() {
      return value;
    }

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  record Numeric(double value) implements Sensitivity {
    public Numeric {
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException("value: %s (expected: > 0 and <= 1)".formatted(value));
      }
    }
  }
}
