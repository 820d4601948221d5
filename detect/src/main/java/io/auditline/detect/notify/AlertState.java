package io.auditline.detect.notify;

import java.util.Locale;

/** Where an alert is in its lifecycle: it fires once, then resolves once. */
public enum AlertState {
  FIRING,
  RESOLVED;

  /** The lower-case name used in payloads and subjects ("firing", "resolved"). */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
