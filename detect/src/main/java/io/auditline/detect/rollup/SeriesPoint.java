package io.auditline.detect.rollup;

import java.time.Instant;
import java.util.Objects;

/** One bucket of a time series: its start and the number of events in it. */
public record SeriesPoint(Instant start, long count) {

  public SeriesPoint {
    Objects.requireNonNull(start, "start");
    if (count < 0) {
      throw new IllegalArgumentException("count: %d (expected: >= 0)".formatted(count));
    }
  }
}
