package io.auditline.detect.bench;

import io.auditline.detect.detector.SeasonalConfig;
import io.auditline.detect.detector.SeasonalZones;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times one pass of {@link SeasonalZones} over many zones (one update and evaluation each) beside an empty
 * loop over the same zones and counts, the floor measured in the same run.
 */
public final class CostBenchmark {

    /** Result of the cost benchmark: median pass times in nanoseconds. */
    public record Result(int zones, int passes, long detectorNanos, long floorNanos, long alerts) {

        public double ratio() {
            return floorNanos == 0 ? Double.NaN : (double) detectorNanos / floorNanos;
        }

        public Map<String, Object> params() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("zones", zones);
            params.put("passes", passes);
            params.put("state_bytes_per_zone", SeasonalZones.stateBytesPerZone());
            return params;
        }
    }

    private CostBenchmark() {
    }

    /** Warms up for {@code warmupPasses} minutes, then reports the median of {@code passes} timed minutes. */
    public static Result run(int zones, int warmupPasses, int passes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] rates = new float[zones];
        for (int z = 0; z < zones; z++) {
            rates[z] = (float) Math.exp(random.nextDouble(0, Math.log(3000)));
        }
        float[] counts = new float[zones];
        SeasonalZones table = new SeasonalZones(zones, SeasonalConfig.defaults());
        long[] detector = new long[passes];
        long[] floor = new long[passes];
        long alerts = 0;
        double sink = 0;
        long minute = 28_401_120L; // 2024-01-01T00:00Z
        for (int pass = 0; pass < warmupPasses + passes; pass++, minute++) {
            for (int z = 0; z < zones; z++) {
                counts[z] = (float) Math.round(rates[z] * (0.9 + 0.2 * random.nextDouble()));
            }
            long t0 = System.nanoTime();
            for (int z = 0; z < zones; z++) {
                sink += counts[z]; // the floor: visit every zone's count and nothing else
            }
            long t1 = System.nanoTime();
            long passAlerts = 0;
            for (int z = 0; z < zones; z++) {
                if (table.update(z, minute, counts[z])) {
                    passAlerts++;
                }
            }
            long t2 = System.nanoTime();
            if (pass >= warmupPasses) {
                floor[pass - warmupPasses] = t1 - t0;
                detector[pass - warmupPasses] = t2 - t1;
                alerts += passAlerts;
            }
        }
        if (sink == -1) {
            System.out.print(""); // keeps the floor loop observable so the JIT cannot drop it
        }
        return new Result(zones, passes, median(detector), median(floor), alerts);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
