package io.auditline.bench.logpush;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this JVM (Logpush and the benchmark's own polling) and of its child processes by kind
 * (S3Proxy, broker, PostgreSQL), so a result can say where the cores went, not only how fast it was.
 */
record ProcessCpu(Map<String, Duration> byKind) {

  static ProcessCpu now() {
    Map<String, Duration> cpu = new LinkedHashMap<>();
    cpu.put("bench_jvm", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
    for (String kind : new String[] {"s3proxy", "broker", "postgres", "other"}) {
      cpu.put(kind, Duration.ZERO);
    }
    ProcessHandle.current().descendants().forEach(p -> {
      Duration used = p.info().totalCpuDuration().orElse(Duration.ZERO);
      cpu.merge(kind(p), used, Duration::plus);
    });
    return new ProcessCpu(cpu);
  }

  private static String kind(ProcessHandle p) {
    String line = p.info().commandLine().orElse(p.info().command().orElse(""));
    if (line.contains("s3proxy")) {
      return "s3proxy";
    }
    if (line.contains("kafka")) {
      return "broker";
    }
    return line.contains("postgres") ? "postgres" : "other";
  }

  /** Cores busy per kind between {@code earlier} and now, over {@code elapsed}. */
  Map<String, Double> coresSince(ProcessCpu earlier, Duration elapsed) {
    Map<String, Double> cores = new LinkedHashMap<>();
    byKind.forEach((kind, used) -> {
      Duration before = earlier.byKind.getOrDefault(kind, Duration.ZERO);
      cores.put(kind, Math.round(used.minus(before).toNanos() * 100.0 / elapsed.toNanos()) / 100.0);
    });
    return cores;
  }
}
