package io.auditline.detect.rollup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts per key with bounded memory: exact counts for the first {@code maxTracked} distinct keys,
 * every later new key counted under {@link #OTHER}. Heavy hitters usually show up early in a
 * minute, so the top keys are exact in practice and approximate (undercounted) at worst.
 */
final class BoundedCounts {

  static final String OTHER = "other";

  private final int maxTracked;
  private final Map<String, Long> counts = new HashMap<>();
  private long untracked;

  BoundedCounts(int maxTracked) {
    if (maxTracked < 1) {
      throw new IllegalArgumentException("maxTracked: %d (expected: >= 1)".formatted(maxTracked));
    }
    this.maxTracked = maxTracked;
  }

  void add(String key) {
    if (key.isEmpty()) {
      return;
    }
    Long current = counts.get(key);
    if (current != null) {
      counts.put(key, current + 1);
    } else if (counts.size() < maxTracked) {
      counts.put(key, 1L);
    } else {
      untracked++;
    }
  }

  int tracked() {
    return counts.size();
  }

  /** The {@code n} largest counts, largest first (ties by key), the rest summed under {@link #OTHER}. */
  Map<String, Long> top(int n) {
    Map<String, Long> top = new LinkedHashMap<>();
    long rest = untracked + counts.getOrDefault(OTHER, 0L);
    int i = 0;
    // A key literally named "other" joins the rest rather than taking a place.
    for (Map.Entry<String, Long> e : counts.entrySet().stream().filter(e -> !e.getKey().equals(OTHER))
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .toList()) {
      if (i++ < n) {
        top.put(e.getKey(), e.getValue());
      } else {
        rest += e.getValue();
      }
    }
    if (rest > 0) {
      top.put(OTHER, rest);
    }
    return top;
  }
}
