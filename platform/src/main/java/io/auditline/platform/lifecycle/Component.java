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

  /** Whether this component's health gates readiness (liveness only reflects crashed workers). */
  default boolean gatesReadiness() {
    return true;
  }

  @Override
  void close() throws Exception;
}
