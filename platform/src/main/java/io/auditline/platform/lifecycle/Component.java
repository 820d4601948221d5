package io.auditline.platform.lifecycle;

/**
 * A long-lived part of a service (a server, a producer, a consumer group, a scheduler).
 *
 * <p>Components are started in dependency order and closed in reverse by {@link Lifecycle}. {@link
 * #close()} stops accepting new work, drains what is in flight and releases resources; it must be
 * safe to call on a component whose {@link #start()} failed or never ran.
 */
public interface Component extends AutoCloseable {

  /** Short stable name used in logs, health output and metrics, e.g. {@code "ingest-grpc"}. */
  String name();

  /** Starts the component; returns once it serves (or throws, and nothing is left running). */
  void start() throws Exception;

  /** Cheap, non-blocking health check; a dead worker thread must show up here. */
  default Health check() {
    return Health.healthy();
  }

  /**
   * Whether the component can still work without a restart of the process; the default is healthy.
   *
   * <p>Override only for unrecoverable states such as a worker thread that died: an unhealthy
   * liveness makes the orchestrator restart the process, so a dependency that is merely unreachable
   * (Kafka down) belongs in {@link #check()}, not here.
   */
  default Health liveness() {
    return Health.healthy();
  }

  /** Whether this component's health gates readiness (liveness only reflects crashed workers). */
  default boolean gatesReadiness() {
    return true;
  }

  @Override
  void close() throws Exception;
}
