package io.auditline.platform.lifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a service's components in order, closes them in reverse exactly once, and answers health
 * probes.
 *
 * <p><b>Readiness</b> is ok when the lifecycle is {@link State#RUNNING} (started, not stopping) and
 * every component whose {@link Component#gatesReadiness()} is true reports a healthy {@link
 * Component#check()}. <b>Liveness</b> is ok unless the start failed or a component reports an
 * unhealthy {@link Component#liveness()} (a dead worker); a dependency outage never fails liveness,
 * so the orchestrator does not restart a process that would recover by itself.
 *
 * <p><b>Shutdown</b> closes the started components in reverse start order, one at a time, logging
 * each step with its duration, so the composition root states the drain order by the order it adds
 * components in. {@link #stop(Duration)} bounds the whole drain by a deadline.
 */
public final class Lifecycle implements AutoCloseable, HealthSource {

  /** Where the lifecycle is; transitions only move forward. */
  public enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED, FAILED }

  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  private final List<Component> components;
  private final List<Component> started = new ArrayList<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile State state = State.NEW;
  private volatile boolean failed;
  // The component whose close() is running, so a drain that overruns its deadline can say which.
  private volatile Component closingNow;
  // The thread inside start(), so a shutdown during a long start (waiting for Kafka) interrupts it.
  private volatile Thread startingThread;

  /** A lifecycle over {@code components}, started in list order. */
  public Lifecycle(List<? extends Component> components) {
    this.components = List.copyOf(components);
    Set<String> names = new HashSet<>();
    for (Component c : this.components) {
      if (!names.add(c.name())) {
        throw new IllegalArgumentException(
            "components: duplicate name '%s' (expected: unique names)".formatted(c.name()));
      }
    }
  }

  /** Starts building a lifecycle whose components may observe it (admin server, gRPC health). */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts every component in order; on failure closes the started ones in reverse and throws. */
  public synchronized void start() {
    if (state != State.NEW) {
      throw new IllegalStateException("state: %s (expected: NEW)".formatted(state));
    }
    state = State.STARTING;
    startingThread = Thread.currentThread();
    try {
      startAll();
    } finally {
      startingThread = null;
    }
  }

  private void startAll() {
    for (Component component : components) {
      long t0 = System.nanoTime();
      try {
        log.atInfo().addKeyValue("component", component.name()).log("starting");
        component.start();
        started.add(component);
        log.atInfo().addKeyValue("component", component.name())
            .addKeyValue("took_ms", (System.nanoTime() - t0) / 1_000_000).log("started");
      } catch (Exception | Error e) {
        failed = true;
        state = State.FAILED;
        log.atError().addKeyValue("component", component.name()).setCause(e).log("start failed");
        // The contract asks close() to be safe after a failed start, so the failing one is closed too.
        started.add(component);
        LifecycleException failure = new LifecycleException(component.name(), e);
        // A shutdown during start interrupts this thread; the closes below still get to drain.
        boolean interrupted = Thread.interrupted();
        closeStarted().forEach(failure::addSuppressed);
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        closing.set(true);
        closed.countDown();
        throw failure;
      }
    }
    state = State.RUNNING;
  }

  /** Closes started components in reverse order, once; later and concurrent calls wait for it. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitClosed();
      return;
    }
    try {
      synchronized (this) {
        if (state != State.FAILED) {
          state = State.STOPPING;
        }
        if (!started.isEmpty()) {
          long t0 = System.nanoTime();
          log.atInfo().addKeyValue("order", started.reversed().stream().map(Component::name).toList()).log("shutting down");
          List<Exception> failures = closeStarted();
          log.atInfo().addKeyValue("took_ms", (System.nanoTime() - t0) / 1_000_000)
              .addKeyValue("failures", failures.size()).log("shut down");
        }
        if (state != State.FAILED) {
          state = State.STOPPED;
        }
      }
    } finally {
      closed.countDown();
    }
  }

  /**
   * Closes this lifecycle like {@link #close()}, but waits at most {@code deadline} for the drain.
   *
   * @return true when every component closed in time; false when the deadline passed first, after
   *     logging which component was still stopping (the drain goes on in the background)
   */
  public boolean stop(Duration deadline) {
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline: %s (expected: > 0)".formatted(deadline));
    }
    Thread starter = startingThread;
    if (starter != null) {
      log.atInfo().log("shutdown requested while starting; interrupting the start");
      starter.interrupt();
    }
    Thread drain = Thread.ofPlatform().daemon().name("lifecycle-drain").start(this::close);
    try {
      if (closed.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        drain.join();
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Component stuck = closingNow;
    log.atError()
        .addKeyValue("deadline_ms", deadline.toMillis())
        .addKeyValue("component", stuck == null ? "(none)" : stuck.name())
        .log("shutdown deadline passed while stopping " + (stuck == null ? "(none)" : stuck.name())
            + "; exiting without finishing the drain");
    return false;
  }

  /**
   * Drains this lifecycle when the JVM shuts down (SIGTERM, SIGINT), bounded by {@code deadline}; when
   * the drain overruns it the JVM halts with status 1 instead of hanging until it is killed.
   */
  public void installShutdownHook(Duration deadline) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!closing.get()) {
        log.atInfo().addKeyValue("deadline_ms", deadline.toMillis()).log("shutdown requested; draining");
      }
      if (!stop(deadline)) {
        Runtime.getRuntime().halt(1);
      }
    }, "lifecycle-shutdown"));
  }

  /** Blocks until {@link #close()} has finished, e.g. at the end of {@code main}. */
  public void awaitClosed() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public State state() {
    return state;
  }

  @Override
  public HealthReport liveness() {
    Map<String, Health> byName = new LinkedHashMap<>();
    boolean ok = !failed;
    for (Component c : components) {
      Health h = safely(c, Component::liveness);
      byName.put(c.name(), h);
      ok &= h.isHealthy();
    }
    return new HealthReport(ok, state.name(), byName);
  }

  @Override
  public HealthReport readiness() {
    State now = state;
    Map<String, Health> byName = new LinkedHashMap<>();
    boolean ok = now == State.RUNNING;
    for (Component c : components) {
      Health h = now == State.NEW ? Health.unhealthy("not started") : safely(c, Component::check);
      byName.put(c.name(), h);
      if (c.gatesReadiness()) {
        ok &= h.isHealthy();
      }
    }
    return new HealthReport(ok, now.name(), byName);
  }

  private List<Exception> closeStarted() {
    List<Exception> failures = new ArrayList<>();
    List<Component> reversed = new ArrayList<>(started);
    Collections.reverse(reversed);
    for (Component component : reversed) {
      long t0 = System.nanoTime();
      closingNow = component;
      try {
        log.atInfo().addKeyValue("component", component.name()).log("stopping");
        component.close();
        log.atInfo().addKeyValue("component", component.name())
            .addKeyValue("took_ms", (System.nanoTime() - t0) / 1_000_000).log("stopped");
      } catch (Exception e) {
        failures.add(e);
        log.atWarn().addKeyValue("component", component.name()).setCause(e).log("stop failed");
      }
    }
    closingNow = null;
    started.clear();
    return failures;
  }

  private static Health safely(Component c, Function<Component, Health> probe) {
    try {
      return Objects.requireNonNullElse(probe.apply(c), Health.unhealthy("check returned null"));
    } catch (RuntimeException e) {
      return Health.unhealthy("check threw " + e);
    }
  }

  /** Builds a {@link Lifecycle} whose components can be given the lifecycle as a health source. */
  public static final class Builder {
    private final List<Function<HealthSource, ? extends Component>> factories = new ArrayList<>();

    private Builder() {}

    /** Adds the next component in start order. */
    public Builder add(Component component) {
      Objects.requireNonNull(component, "component");
      factories.add(health -> component);
      return this;
    }

    /** Adds a component that reports on the lifecycle itself, such as the admin HTTP server. */
    public Builder add(Function<HealthSource, ? extends Component> factory) {
      factories.add(Objects.requireNonNull(factory, "factory"));
      return this;
    }

    public Lifecycle build() {
      DeferredHealth deferred = new DeferredHealth();
      List<Component> built = new ArrayList<>();
      for (var factory : factories) {
        built.add(Objects.requireNonNull(factory.apply(deferred), "factory returned null"));
      }
      Lifecycle lifecycle = new Lifecycle(built);
      deferred.target = lifecycle;
      return lifecycle;
    }
  }

  // Breaks the construction cycle: observers are built before the lifecycle that holds them.
  private static final class DeferredHealth implements HealthSource {
    private volatile Lifecycle target;

    @Override
    public HealthReport liveness() {
      return target.liveness();
    }

    @Override
    public HealthReport readiness() {
      return target.readiness();
    }
  }
}
