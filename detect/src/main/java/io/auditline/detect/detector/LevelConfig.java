package io.auditline.detect.detector;

/**
 * Parameters of {@link SeasonalLevelDetector}; rates are per row.
 *
 * @param levelAlpha smoothing of the deseasonalised level
 * @param seasonGamma smoothing of the additive hour-of-day and hour-of-week profiles
 * @param scaleAlpha smoothing of the mean absolute residual (the robust scale)
 * @param shortAlpha smoothing of the short-term mean residual that reveals sustained shifts
 * @param clipSigmas residuals are clipped to this many deviations before they teach the model
 * @param alertSigmas the base statistic at which the detector fires and starts its cooldown
 * @param cooldownFraction cooldown after firing, as a fraction of the warm-up (probation) length
 * @param fireGain factor by which the firing level rises each time the series fires
 * @param quietGain factor by which it rises when the statistic crosses it during a cooldown
 * @param recoveryFraction half-life of the raised level's return to {@code alertSigmas}, as a fraction of the
 *     warm-up length
 * @param hourScaleAlpha smoothing of each hour of day's own robust scale (see {@link HourlyScale}), per row in
 *     the hour
 * @param hourScaleFloor the smallest scale an hour is given, as a fraction of the series' overall scale
 */
public record LevelConfig(double levelAlpha, double seasonGamma, double scaleAlpha, double shortAlpha,
                          double clipSigmas, double alertSigmas, double cooldownFraction,
                          double fireGain, double quietGain, double recoveryFraction,
                          double hourScaleAlpha, double hourScaleFloor) {

    public LevelConfig {
        for (double rate : new double[] {levelAlpha, seasonGamma, scaleAlpha, shortAlpha}) {
            if (!(rate > 0 && rate <= 1)) {
                throw new IllegalArgumentException("rate: %s (expected: in (0, 1])".formatted(rate));
            }
        }
        if (!(clipSigmas > 0 && alertSigmas > 0 && cooldownFraction >= 0)) {
            throw new IllegalArgumentException("clipSigmas/alertSigmas/cooldownFraction: %s/%s/%s (expected: > 0)"
                    .formatted(clipSigmas, alertSigmas, cooldownFraction));
        }
        if (!(fireGain >= 1 && quietGain >= 1 && recoveryFraction > 0)) {
            throw new IllegalArgumentException("fireGain/quietGain/recoveryFraction: %s/%s/%s (expected: >= 1, >= 1, > 0)"
                    .formatted(fireGain, quietGain, recoveryFraction));
        }
        if (!(hourScaleAlpha > 0 && hourScaleAlpha <= 1 && hourScaleFloor > 0)) {
            throw new IllegalArgumentException("hourScaleAlpha/hourScaleFloor: %s/%s (expected: in (0, 1], > 0)"
                    .formatted(hourScaleAlpha, hourScaleFloor));
        }
    }

    /** Defaults tuned on the NAB development subset (never on its labels' test split). */
    public static LevelConfig defaults() {
        return new LevelConfig(0.03, 0.05, 0.01, 0.1, 4, 6, 0.25, 2, 1.02, 0.5, 0.04, 0.5);
    }
}
