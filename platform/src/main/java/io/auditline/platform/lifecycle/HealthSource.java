package io.auditline.platform.lifecycle;

/** Where probes (HTTP, gRPC health) read the service's liveness and readiness from. */
public interface HealthSource {

  /** Whether the process should keep running; see {@link Lifecycle#liveness()}. */
  HealthReport liveness();

  /** Whether the process should receive traffic; see {@link Lifecycle#readiness()}. */
  HealthReport readiness();
}
