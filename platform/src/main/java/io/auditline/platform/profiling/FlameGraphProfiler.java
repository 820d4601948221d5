package io.auditline.platform.profiling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import one.profiler.AsyncProfiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU flame graphs (self-contained HTML) from async-profiler, whose native library ships inside its
 * Maven artifact for Linux x64/arm64 and macOS.
 *
 * <p>The library is loaded on first use; where it does not load (another platform, a read-only
 * temporary directory, a JVM without native access) {@link #available()} says why and every request
 * gets that reason instead of a graph.
 */
public final class FlameGraphProfiler {

  private static final Logger log = LoggerFactory.getLogger(FlameGraphProfiler.class);

  private final Supplier<AsyncProfiler> loader;
  private AsyncProfiler profiler;
  private String unavailable;

  /** async-profiler as bundled in its Maven artifact. */
  public FlameGraphProfiler() {
    this(AsyncProfiler::getInstance);
  }

  /** A profiler loaded by {@code loader}; tests pass one that fails. */
  public FlameGraphProfiler(Supplier<AsyncProfiler> loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /** Empty when flame graphs work here, otherwise why not. */
  public synchronized java.util.Optional<String> unavailable() {
    load();
    return java.util.Optional.ofNullable(unavailable);
  }

  /** Whether flame graphs work on this platform. */
  public boolean available() {
    return unavailable().isEmpty();
  }

  /**
   * Samples CPU for {@code duration} and writes a flame graph to a new temporary HTML file the
   * caller deletes.
   *
   * @throws IllegalStateException when async-profiler is unavailable here (see {@link #unavailable()})
   */
  public synchronized Path record(Duration duration) throws IOException, InterruptedException {
    AsyncProfiler p = load();
    if (p == null) {
      throw new IllegalStateException(unavailable);
    }
    Path file = Files.createTempFile("auditline-flamegraph-", ".html");
    boolean started = false;
    try {
      start(p);
      started = true;
      // The sampling is the wait: it covers exactly this interval.
      Thread.sleep(duration.toMillis());
      p.execute("stop,file=" + file + ",flamegraph");
      started = false;
      return file;
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (started) {
        stopQuietly(p);
      }
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** CPU sampling with perf events where the kernel allows it, else the portable interval timer. */
  private static void start(AsyncProfiler p) throws IOException {
    try {
      p.execute("start,event=cpu,interval=10ms");
    } catch (IllegalStateException e) {
      log.atInfo().addKeyValue("reason", e.getMessage()).log("perf events unavailable; profiling CPU with itimer");
      p.execute("start,event=itimer,interval=10ms");
    }
  }

  private static void stopQuietly(AsyncProfiler p) {
    try {
      p.execute("stop");
    } catch (IOException | RuntimeException e) {
      log.atWarn().setCause(e).log("stopping async-profiler after a failure failed");
    }
  }

  private AsyncProfiler load() {
    if (profiler == null && unavailable == null) {
      try {
        profiler = Objects.requireNonNull(loader.get(), "async-profiler loader returned null");
      } catch (RuntimeException | LinkageError e) {
        unavailable = "async-profiler does not load on this platform (%s %s): %s"
            .formatted(System.getProperty("os.name"), System.getProperty("os.arch"), e);
        log.atWarn().addKeyValue("reason", unavailable).log("CPU flame graphs are unavailable");
      }
    }
    return profiler;
  }
}
