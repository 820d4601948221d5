package io.auditline.platform.startup;

import io.auditline.platform.lifecycle.Component;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the start of the components after it until every {@link Dependency} answers, probing the
 * missing ones with a capped exponential backoff up to a deadline.
 *
 * <p>A service and its Kafka and PostgreSQL often boot together, so a dependency that is not up yet
 * is normal for a while: each attempt is logged ({@code waiting for Kafka at host:9092 (attempt 3,
 * last error: ...)}), and when the deadline passes {@link #start()} fails with one line naming what
 * was unreachable. It has nothing to close.
 */
public final class StartupWait implements Component {

  private static final Logger log = LoggerFactory.getLogger(StartupWait.class);
  private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
  private static final Duration MAX_PROBE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration MIN_PROBE_TIMEOUT = Duration.ofMillis(500);

  private final List<Dependency> dependencies;
  private final Duration deadline;

  /** Waits for {@code dependencies}, in order, for at most {@code deadline} in all. */
  public StartupWait(List<Dependency> dependencies, Duration deadline) {
    this.dependencies = List.copyOf(dependencies);
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline: %s (expected: > 0)".formatted(deadline));
    }
  }

  @Override
  public String name() {
    return "startup-wait";
  }

  @Override
  public void start() throws DependencyUnavailableException, InterruptedException {
    long t0 = System.nanoTime();
    long end = t0 + deadline.toNanos();
    Map<Dependency, Attempts> waiting = new LinkedHashMap<>();
    dependencies.forEach(d -> waiting.put(d, new Attempts()));
    try {
      Duration pause = FIRST_PAUSE;
      while (true) {
        for (var entry : new ArrayList<>(waiting.entrySet())) {
          if (tryOnce(entry.getKey(), entry.getValue(), end, t0)) {
            waiting.remove(entry.getKey());
          }
        }
        if (waiting.isEmpty()) {
          return;
        }
        long leftNanos = end - System.nanoTime();
        if (leftNanos <= 0) {
          throw unavailable(waiting);
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(pause.toNanos(), leftNanos));
        pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
      }
    } finally {
      dependencies.forEach(d -> closeQuietly(d.probe()));
    }
  }

  /** Probes once; true when the dependency answered. */
  private boolean tryOnce(Dependency dependency, Attempts attempts, long end, long t0)
      throws DependencyUnavailableException, InterruptedException {
    attempts.count++;
    long leftNanos = Math.max(0, end - System.nanoTime());
    Duration timeout = Duration.ofNanos(Math.min(MAX_PROBE_TIMEOUT.toNanos(), Math.max(MIN_PROBE_TIMEOUT.toNanos(), leftNanos)));
    try {
      dependency.probe().probe(timeout);
    } catch (InterruptedException e) {
      throw e;
    } catch (Dependency.Misconfigured e) {
      throw new DependencyUnavailableException(dependency.kind(), dependency.address(),
          "%s at %s refused the connection: %s".formatted(dependency.kind(), dependency.address(), e.getMessage()), e);
    } catch (Exception e) {
      attempts.last = e;
      log.atInfo()
          .addKeyValue("dependency", dependency.kind())
          .addKeyValue("address", dependency.address())
          .addKeyValue("attempt", attempts.count)
          .addKeyValue("deadline_ms", deadline.toMillis())
          .log("waiting for %s at %s (attempt %d, last error: %s)"
              .formatted(dependency.kind(), dependency.address(), attempts.count, describe(e)));
      return false;
    }
    log.atInfo()
        .addKeyValue("dependency", dependency.kind())
        .addKeyValue("address", dependency.address())
        .addKeyValue("attempts", attempts.count)
        .addKeyValue("took_ms", (System.nanoTime() - t0) / 1_000_000)
        .log("%s at %s is reachable".formatted(dependency.kind(), dependency.address()));
    return true;
  }

  /** One line naming every dependency that never answered, each with its last error. */
  private DependencyUnavailableException unavailable(Map<Dependency, Attempts> waiting) {
    List<String> parts = new ArrayList<>();
    waiting.forEach((dependency, attempts) -> parts.add(
        "%s at %s was not reachable within %s (%d attempt%s, last error: %s)"
            .formatted(dependency.kind(), dependency.address(), format(deadline), attempts.count, attempts.count == 1 ? "" : "s",
                describe(attempts.last))));
    var first = waiting.entrySet().iterator().next();
    return new DependencyUnavailableException(
        first.getKey().kind(), first.getKey().address(), String.join("; ", parts), first.getValue().last);
  }

  /** The innermost message, which is where clients put the useful part. */
  static String describe(Throwable e) {
    if (e == null) {
      return "none";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }

  private static String format(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static void closeQuietly(Dependency.Probe probe) {
    try {
      probe.close();
    } catch (RuntimeException e) {
      log.atDebug().setCause(e).log("closing a start-up probe failed");
    }
  }

  @Override
  public void close() {}

  private static final class Attempts {
    int count;
    Exception last;
  }
}
