package io.auditline.detect.policy;

import java.util.Locale;

/** Which detector evaluates a policy: the anchor rule or our seasonal robust detector. */
public enum DetectorKind {
  ANCHOR, OURS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
