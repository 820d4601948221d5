package io.auditline.logpush.replay;

import java.util.Locale;

/** Where a replay stands; the wire names are the lower-case names. */
public enum ReplayState {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReplayState fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  public boolean finished() {
    return this == COMPLETED || this == FAILED;
  }
}
