package io.auditline.platform.health;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import io.auditline.platform.lifecycle.HealthSource;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the service's readiness into the standard gRPC health service, for the overall server
 * ({@code ""}) and each named gRPC service, so load balancers and {@code grpc_health_probe} see
 * the same answer as {@code /healthz/ready}.
 *
 * <p>It observes readiness and so does not gate it. On close every name goes NOT_SERVING for good
 * ({@link HealthStatusManager#enterTerminalState()}), so clients move away while the server drains.
 */
public final class GrpcHealthUpdater implements Component {

  private static final Logger log = LoggerFactory.getLogger(GrpcHealthUpdater.class);

  private final HealthStatusManager manager;
  private final HealthSource health;
  private final List<String> services;
  private final Duration interval;
  private volatile ScheduledExecutorService scheduler;
  private volatile ServingStatus last;
  private volatile boolean closed;

  public GrpcHealthUpdater(HealthStatusManager manager, HealthSource health, List<String> serviceNames,
      Duration interval) {
    this.manager = Objects.requireNonNull(manager, "manager");
    this.health = Objects.requireNonNull(health, "health");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval: %s (expected: > 0)".formatted(interval));
    }
    this.interval = interval;
    List<String> all = new ArrayList<>();
    all.add(HealthStatusManager.SERVICE_NAME_ALL_SERVICES);
    serviceNames.stream().filter(s -> !s.isEmpty()).forEach(all::add);
    this.services = List.copyOf(all);
  }

  @Override
  public String name() {
    return "grpc-health";
  }

  @Override
  public boolean gatesReadiness() {
    return false;
  }

  @Override
  public synchronized void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "grpc-health-updater");
      t.setDaemon(true);
      return t;
    });
    refresh();
    scheduler.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Sets every name to SERVING or NOT_SERVING from the current readiness; also runs on schedule. */
  public void refresh() {
    if (closed) {
      return;
    }
    ServingStatus status = health.readiness().ok() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    for (String service : services) {
      manager.setStatus(service, status);
    }
    if (status != last) {
      log.atInfo().addKeyValue("status", status).addKeyValue("services", services)
          .log("grpc health changed");
      last = status;
    }
  }

  @Override
  public Health liveness() {
    ScheduledExecutorService s = scheduler;
    return s != null && s.isTerminated() && !closed
        ? Health.unhealthy("grpc health updater thread stopped")
        : Health.healthy();
  }

  @Override
  public synchronized void close() throws InterruptedException {
    closed = true;
    manager.enterTerminalState();
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // A thrown exception would cancel the schedule silently; keep refreshing and say why.
      log.atWarn().setCause(e).log("grpc health refresh failed");
    }
  }
}
