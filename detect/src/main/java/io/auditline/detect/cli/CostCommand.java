package io.auditline.detect.cli;

import io.auditline.detect.bench.CostBenchmark;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate cost}: one detection pass over many zones against an empty loop over the same zones. */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = "Times one update+evaluate per zone over all zones, beside an empty loop (the floor).")
final class CostCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--zones", defaultValue = "1000000", description = "zones (default: ${DEFAULT-VALUE})")
    int zones;

    @Option(names = "--passes", defaultValue = "15", description = "timed passes (default: ${DEFAULT-VALUE})")
    int passes;

    @Override
    public void run() {
        PrintWriter console = spec.commandLine().getOut();
        CostBenchmark.Result r = CostBenchmark.run(zones, 10, passes, 7);
        console.printf("one pass over %,d zones: %.1f ms (empty loop %.2f ms, ratio %.0f), %d bytes of state per zone%n",
                zones, r.detectorNanos() / 1e6, r.floorNanos() / 1e6, r.ratio(),
                io.auditline.detect.detector.SeasonalZones.stateBytesPerZone());
        JsonLines.print(console, "detect.cost.pass", r.detectorNanos() / 1e6, "ms", r.floorNanos() / 1e6, r.ratio(),
                r.params());
    }
}
