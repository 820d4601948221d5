package io.auditline.detect.rollup;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A zone's largest contributors over a window, largest first: what an alert's payload lists. */
public record ZoneTops(Map<String, Long> rules, Map<String, Long> clientIps, Map<String, Long> countries) {

  public ZoneTops {
    rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    clientIps = Collections.unmodifiableMap(new LinkedHashMap<>(clientIps));
    countries = Collections.unmodifiableMap(new LinkedHashMap<>(countries));
  }

  public static final ZoneTops EMPTY = new ZoneTops(Map.of(), Map.of(), Map.of());
}
