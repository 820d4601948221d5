package io.auditline.bench.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time of this process (server and load generator share it), of the load generator's own threads
 * (named {@link BenchEnvironment#GENERATOR_THREADS}...) and of child processes (the broker), so a result
 * can say where the cores went, not only how fast it was; and the JIT compilers' time, which shows
 * whether a window measured compiled code or a JVM still warming up.
 */
record CpuMeter(Duration self, Duration generator, Duration children, Duration jit) {

  static CpuMeter now() {
    Duration children =
        ProcessHandle.current()
            .descendants()
            .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
            .reduce(Duration.ZERO, Duration::plus);
    return new CpuMeter(
        ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO), generatorThreads(), children,
        Duration.ofMillis(ManagementFactory.getCompilationMXBean().getTotalCompilationTime()));
  }

  /** CPU spent since {@code earlier}. */
  CpuMeter since(CpuMeter earlier) {
    return new CpuMeter(self.minus(earlier.self), generator.minus(earlier.generator), children.minus(earlier.children),
        jit.minus(earlier.jit));
  }

  /** This process less the generator: the ingest server (and the stand-in OTLP collector it exports to). */
  Duration server() {
    return self.minus(generator);
  }

  /** Every process: this one and its children. */
  Duration all() {
    return self.plus(children);
  }

  /**
   * CPU of the live generator threads. They live as long as the environment, so a difference over a
   * window misses nothing.
   */
  private static Duration generatorThreads() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(BenchEnvironment.GENERATOR_THREADS)) {
        nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return Duration.ofNanos(nanos);
  }
}
