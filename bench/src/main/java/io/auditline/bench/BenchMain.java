package io.auditline.bench;

import io.auditline.bench.ingest.IngestBench;
import io.auditline.bench.logpush.LogpushBench;
import io.auditline.bench.store.StoreBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./auditline bench}: end-to-end benchmarks that print one JSON line per figure. */
@Command(
    name = "auditline bench",
    mixinStandardHelpOptions = true,
    subcommands = {IngestBench.class, StoreBench.class, LogpushBench.class},
    description = "Run a benchmark; see docs/benchmarks.md.")
public final class BenchMain implements Runnable {

  /** Logback resource of the benchmarks: logs to stderr so stdout stays machine-readable. */
  public static final String LOGBACK_CONFIG = "bench-logback.xml";

  public static void main(String[] args) {
    // Set before the first logger exists, so the shipped stdout logging never mixes with results.
    System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    int exit = new CommandLine(new BenchMain()).execute(args);
    System.exit(exit);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
