package io.auditline.logpush.destination;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces known secrets in text from clients and servers before it becomes an outcome message
 * or a log line; a second line of defence behind never putting secrets there in the first place.
 */
public record Scrubber(List<String> secrets) {

  public Scrubber {
    // Longest first, so a secret that contains another is replaced whole.
    secrets = secrets.stream()
        .filter(Objects::nonNull)
        .filter(s -> s.length() >= 4)
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  public static Scrubber none() {
    return new Scrubber(List.of());
  }

  /** {@code text} with every secret replaced by {@code REDACTED}; null becomes empty. */
  public String scrub(String text) {
    if (text == null) {
      return "";
    }
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, "REDACTED");
    }
    return result;
  }
}
