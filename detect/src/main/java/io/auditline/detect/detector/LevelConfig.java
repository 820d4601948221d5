package io.auditline.detect.detector;

/**
 * Parameters of {@link SeasonalLevelDetector}; rates are per row.
 *
 * @param levelAlpha smoothing of the deseasonalised level
 * @param seasonGamma smoothing of the additive hour-of-day and hour-of-week profiles
 * @param scaleAlpha smoothing of the mean absolute residual (the robust scale)
 * @param shortAlpha smoothing of the short-term mean residual that reveals sustained shifts
 * @param clipSigmas residuals are clipped to this many deviations before they teach the model
 * @param alertSigmas the statistic at which the detector considers it has fired and starts its cooldown
 * @param cooldownFraction cooldown after firing, as a fraction of the warm-up (probation) length
 */
public record LevelConfig(double levelAlpha, double seasonGamma, double scaleAlpha, double shortAlpha,
                          double clipSigmas, double alertSigmas, double cooldownFraction) {

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
    }

    /** Defaults tuned on the NAB development subset (never on its labels' test split). */
    public static LevelConfig defaults() {
        return new LevelConfig(0.05, 0.05, 0.01, 0.05, 4, 8, 0.5);
    }
}
