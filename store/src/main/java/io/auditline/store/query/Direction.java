package io.auditline.store.query;

import java.util.Arrays;
import java.util.Optional;

/** The order of a page or an export: newest first (the default of pages) or oldest first. */
public enum Direction {
  NEWEST("newest"),
  OLDEST("oldest");

  private final String wireName;

  Direction(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Direction> fromWireName(String name) {
    return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
  }
}
