package io.auditline.store.token;

import java.util.Arrays;
import java.util.Optional;

/** What an API token may do; the wire names appear in the CLI and in error messages. */
public enum Scope {
  AUDIT_LOGS_READ("audit_logs:read"),
  LOGPUSH_WRITE("logpush:write"),
  ALERTS_WRITE("alerts:write");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Scope> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
