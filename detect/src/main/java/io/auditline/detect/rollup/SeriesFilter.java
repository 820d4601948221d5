package io.auditline.detect.rollup;

import java.util.Objects;

/**
 * Which count a time series shows: every event, or those of one action, source or rule. Rollups
 * keep each dimension's counts on their own, so one dimension at a time can be filtered exactly.
 */
public sealed interface SeriesFilter {

  record All() implements SeriesFilter {}

  record ByAction(String action) implements SeriesFilter {
    public ByAction {
      Objects.requireNonNull(action, "action");
    }
  }

  record BySource(String source) implements SeriesFilter {
    public BySource {
      Objects.requireNonNull(source, "source");
    }
  }

  record ByRule(String rule) implements SeriesFilter {
    public ByRule {
      Objects.requireNonNull(rule, "rule");
    }
  }
}
