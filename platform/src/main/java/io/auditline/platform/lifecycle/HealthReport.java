package io.auditline.platform.lifecycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A point-in-time answer to a liveness or readiness probe.
 *
 * @param ok the overall verdict
 * @param state the lifecycle state, e.g. {@code RUNNING}, for operators
 * @param components each component's health by name, in start order
 */
public record HealthReport(boolean ok, String state, Map<String, Health> components) {

  public HealthReport {
    Objects.requireNonNull(state, "state");
    // Keep start order: operators read the report top to bottom like the startup log.
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }
}
