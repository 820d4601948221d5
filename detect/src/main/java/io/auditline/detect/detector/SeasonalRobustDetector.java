package io.auditline.detect.detector;

/**
 * "Ours": one-minute buckets against a robust, trend- and seasonality-aware expectation (see
 * {@link SeasonalKernel}), with a volume floor and a cooldown; O(1) state (192 factors, 9 scalars) per zone.
 */
public final class SeasonalRobustDetector implements Detector {

    private final SeasonalConfig config;
    private final double[] scalars = new double[SeasonalKernel.SCALARS];
    private final float[] factors = new float[SeasonalKernel.FACTORS];

    public SeasonalRobustDetector(SeasonalConfig config) {
        this.config = config;
        SeasonalKernel.init(scalars, 0, factors, 0);
    }

    @Override
    public Verdict update(long epochMillis, double value) {
        long minute = Math.floorDiv(epochMillis, 60_000L);
        boolean first = scalars[SeasonalKernel.SEEN_MINUTES] == 0;
        double score = SeasonalKernel.step(scalars, 0, factors, 0, minute, value, config);
        if (first) {
            return Verdict.pending();
        }
        if (scalars[SeasonalKernel.LAST_ALERT_MINUTE] == minute) {
            return new Verdict.Alert(score, value, scalars[SeasonalKernel.EXPECTED],
                    scalars[SeasonalKernel.STATISTIC]);
        }
        return new Verdict.Normal(score);
    }

    /** The current expectation for the last bucket fed (for explanations in alerts and tests). */
    public double lastExpected() {
        return scalars[SeasonalKernel.EXPECTED];
    }

    @Override
    public String name() {
        return "ours";
    }
}
