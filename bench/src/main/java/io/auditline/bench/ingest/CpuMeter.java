package io.auditline.bench.ingest;

import java.time.Duration;

/**
 * CPU time of this process (server and load generator share it) and of its child processes (the
 * broker), so a result can say where the cores went, not only how fast it was.
 */
record CpuMeter(Duration self, Duration children) {

  static CpuMeter now() {
    Duration children =
        ProcessHandle.current()
            .descendants()
            .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
            .reduce(Duration.ZERO, Duration::plus);
    return new CpuMeter(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO), children);
  }

  /** CPU spent since {@code earlier}. */
  CpuMeter since(CpuMeter earlier) {
    return new CpuMeter(self.minus(earlier.self), children.minus(earlier.children));
  }
}
