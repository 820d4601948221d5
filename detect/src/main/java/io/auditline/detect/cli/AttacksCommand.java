package io.auditline.detect.cli;

import io.auditline.detect.bench.AttackBenchmark;
import io.auditline.detect.bench.DetectorReport;
import io.auditline.detect.bench.TrafficGenerator;
import io.auditline.detect.detector.Detector;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate attacks}: time to detect and false alerts on generated zones, anchor and ours side by side. */
@Command(name = "attacks", mixinStandardHelpOptions = true,
        description = "Attack benchmark on seeded per-zone traffic with injected attacks.")
final class AttacksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--zones", defaultValue = "300", description = "zones (default: ${DEFAULT-VALUE})")
    int zones;

    @Option(names = "--days", defaultValue = "14", description = "days of traffic (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
        PrintWriter console = spec.commandLine().getOut();
        AttackBenchmark benchmark = new AttackBenchmark(new TrafficGenerator(seed, days, 2), zones);
        List<Supplier<Detector>> detectors = List.of(Detectors.anchor.forCounts(), Detectors.ours.forCounts());
        List<DetectorReport> reports = benchmark.run(detectors);
        console.printf("%-8s %8s %8s %7s %9s %8s %13s%n", "detector", "attacks", "detected", "missed",
                "ttd p50", "ttd p95", "false/zone/d");
        for (DetectorReport r : reports) {
            console.printf("%-8s %8d %8d %7d %7.0f m %6.0f m %13.3f%n", r.detector(), r.attacks(), r.detected(),
                    r.missed(), r.medianMinutesToDetect(), r.p95MinutesToDetect(), r.falseAlertsPerZoneDay());
        }
        DetectorReport anchor = reports.get(0);
        DetectorReport ours = reports.get(1);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("zones", zones);
        params.put("days", days);
        params.put("seed", seed);
        params.put("baseline", "anchor");
        JsonLines.print(console, "attacks.ttd_median", ours.medianMinutesToDetect(), "min",
                anchor.medianMinutesToDetect(), ours.medianMinutesToDetect() / anchor.medianMinutesToDetect(), params);
        JsonLines.print(console, "attacks.ttd_p95", ours.p95MinutesToDetect(), "min",
                anchor.p95MinutesToDetect(), ours.p95MinutesToDetect() / anchor.p95MinutesToDetect(), params);
        JsonLines.print(console, "attacks.missed", ours.missed(), "attacks", anchor.missed(),
                (double) ours.missed() / Math.max(1, anchor.missed()), params);
        JsonLines.print(console, "attacks.false_alerts", ours.falseAlertsPerZoneDay(), "per_zone_day",
                anchor.falseAlertsPerZoneDay(), ours.falseAlertsPerZoneDay() / anchor.falseAlertsPerZoneDay(), params);
    }
}
