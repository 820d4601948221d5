package io.auditline.detect.policy;

import java.util.List;

/** The zones a policy watches: all of the account's, or the listed ones. */
public sealed interface ZoneScope {

  record AllZones() implements ZoneScope {}

  record Listed(List<String> zoneIds) implements ZoneScope {
    public Listed {
      zoneIds = List.copyOf(zoneIds);
      if (zoneIds.isEmpty()) {
        throw new IllegalArgumentException("zoneIds: [] (expected: at least one)");
      }
    }
  }
}
