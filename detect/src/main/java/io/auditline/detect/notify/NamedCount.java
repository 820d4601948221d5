package io.auditline.detect.notify;

import java.util.Objects;

/** One entry of a "top" list: a rule id, a client IP or a country code, and its event count. */
public record NamedCount(String name, long count) {

  public NamedCount {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name: blank (expected: a rule, IP or country)");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count: %d (expected: >= 0)".formatted(count));
    }
  }
}
