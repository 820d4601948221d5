package io.auditline.detect.bench;

import io.auditline.detect.detector.Detector;
import io.auditline.detect.detector.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs detectors over generated zones and measures time to detect, missed attacks and false alerts.
 *
 * <p>An alert at minute a detects the attack [s, e) when s <= a < e + grace; its time to detect is a - s + 1
 * minutes (the alert is raised when minute a's bucket closes). Other alerts after the warm-up are false.
 */
public final class AttackBenchmark {

    /** Alerts this soon after an attack ends are about the attack, not false. */
    public static final int GRACE_MINUTES = 15;
    private static final long START_MILLIS = 1_704_067_200_000L; // 2024-01-01T00:00Z, a Monday

    private final TrafficGenerator generator;
    private final int zones;

    public AttackBenchmark(TrafficGenerator generator, int zones) {
        if (zones <= 0) {
            throw new IllegalArgumentException("zones: %s (expected: > 0)".formatted(zones));
        }
        this.generator = generator;
        this.zones = zones;
    }

    /** Evaluates each detector (a fresh one per zone) on the same zones. */
    public List<DetectorReport> run(List<Supplier<Detector>> detectors) {
        List<Tally> tallies = detectors.stream().map(d -> new Tally()).toList();
        String[] names = new String[detectors.size()];
        for (int z = 0; z < zones; z++) {
            ZoneTraffic traffic = generator.zone(z);
            for (int d = 0; d < detectors.size(); d++) {
                Detector detector = detectors.get(d).get();
                names[d] = detector.name();
                tallies.get(d).add(traffic, alerts(detector, traffic.counts()));
            }
        }
        List<DetectorReport> reports = new ArrayList<>();
        double zoneDays = (double) zones * (generator.days() - generator.warmupDays());
        for (int d = 0; d < detectors.size(); d++) {
            reports.add(tallies.get(d).report(names[d], zoneDays));
        }
        return reports;
    }

    private static List<Integer> alerts(Detector detector, double[] counts) {
        List<Integer> alerts = new ArrayList<>();
        for (int m = 0; m < counts.length; m++) {
            if (detector.update(START_MILLIS + m * 60_000L, counts[m]) instanceof Verdict.Alert) {
                alerts.add(m);
            }
        }
        return alerts;
    }

    private final class Tally {
        private final List<Integer> minutesToDetect = new ArrayList<>();
        private int attacks;
        private int falseAlerts;

        void add(ZoneTraffic traffic, List<Integer> alerts) {
            boolean[] explained = new boolean[alerts.size()];
            for (Attack attack : traffic.attacks()) {
                attacks++;
                boolean found = false;
                for (int i = 0; i < alerts.size(); i++) {
                    int a = alerts.get(i);
                    if (a >= attack.startMinute() && a < attack.endMinute() + GRACE_MINUTES) {
                        explained[i] = true;
                        if (!found) {
                            minutesToDetect.add(a - attack.startMinute() + 1);
                            found = true;
                        }
                    }
                }
            }
            for (int i = 0; i < alerts.size(); i++) {
                if (!explained[i] && alerts.get(i) >= generator.warmupDays() * 1440) {
                    falseAlerts++;
                }
            }
        }

        DetectorReport report(String name, double zoneDays) {
            int[] sorted = minutesToDetect.stream().mapToInt(Integer::intValue).sorted().toArray();
            return new DetectorReport(name, attacks, sorted.length, percentile(sorted, 0.5),
                    percentile(sorted, 0.95), falseAlerts, falseAlerts / zoneDays);
        }
    }

    /** Nearest-rank percentile; NaN for no values. */
    static double percentile(int[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

}
