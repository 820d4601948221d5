package io.auditline.platform.lifecycle;

import java.util.Objects;

/** The result of a component's health check. */
public sealed interface Health permits Health.Healthy, Health.Unhealthy {

  /** The component works. */
  record Healthy() implements Health {}

  /** The component cannot do its job right now; {@code reason} says why, for operators. */
  record Unhealthy(String reason) implements Health {
    public Unhealthy {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static Health healthy() {
    return new Healthy();
  }

  static Health unhealthy(String reason) {
    return new Unhealthy(reason);
  }

  default boolean isHealthy() {
    return this instanceof Healthy;
  }
}
