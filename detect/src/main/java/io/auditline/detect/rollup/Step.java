package io.auditline.detect.rollup;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** The width of one time-series bucket; coarser steps sum the stored minutes. */
public enum Step {
  ONE_MINUTE("1m", Duration.ofMinutes(1)),
  FIVE_MINUTES("5m", Duration.ofMinutes(5)),
  ONE_HOUR("1h", Duration.ofHours(1));

  private final String wireName;
  private final Duration width;

  Step(String wireName, Duration width) {
    this.wireName = wireName;
    this.width = width;
  }

  public String wireName() {
    return wireName;
  }

  public Duration width() {
    return width;
  }

  public static Optional<Step> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
  }
}
