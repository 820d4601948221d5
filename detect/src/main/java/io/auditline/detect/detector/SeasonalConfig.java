package io.auditline.detect.detector;

import java.time.Duration;

/**
 * Parameters of {@link SeasonalRobustDetector}; rates are per one-minute bucket.
 *
 * @param levelAlpha Holt level smoothing on the deseasonalised series
 * @param trendBeta Holt trend smoothing
 * @param dailyGamma smoothing of the 24 hour-of-day factors (the fallback while a week is not yet seen)
 * @param weeklyGamma smoothing of the 168 hour-of-week factors
 * @param dispersionRate smoothing of the relative over-dispersion beyond Poisson noise
 * @param clipSigmas values are clipped to expected ± this many deviations before they teach the baseline,
 *     so an attack does not become the new normal
 * @param zAlert a single bucket fires above this robust z-score
 * @param cusumDrift per-bucket allowance of the CUSUM that catches modest sustained rises
 * @param cusumLimit the CUSUM fires above this
 * @param minExcess the bucket must exceed its expectation by at least this many events (the volume floor)
 * @param cooldown no repeat alert for this long
 * @param warmup no alert before this much history (one day teaches the hour-of-day shape)
 */
public record SeasonalConfig(double levelAlpha, double trendBeta, double dailyGamma, double weeklyGamma,
                             double dispersionRate, double clipSigmas, double zAlert, double cusumDrift,
                             double cusumLimit, double minExcess, Duration cooldown, Duration warmup) {

    public SeasonalConfig {
        checkRate("levelAlpha", levelAlpha);
        checkRate("trendBeta", trendBeta);
        checkRate("dailyGamma", dailyGamma);
        checkRate("weeklyGamma", weeklyGamma);
        checkRate("dispersionRate", dispersionRate);
        checkPositive("clipSigmas", clipSigmas);
        checkPositive("zAlert", zAlert);
        checkPositive("cusumLimit", cusumLimit);
        if (!(cusumDrift >= 0)) {
            throw new IllegalArgumentException("cusumDrift: %s (expected: >= 0)".formatted(cusumDrift));
        }
        if (!(minExcess >= 0)) {
            throw new IllegalArgumentException("minExcess: %s (expected: >= 0)".formatted(minExcess));
        }
        if (cooldown.isNegative() || warmup.isNegative()) {
            throw new IllegalArgumentException("cooldown/warmup: %s/%s (expected: >= 0)".formatted(cooldown, warmup));
        }
    }

    /** Defaults tuned on the attack benchmark for one-minute security-event counts. */
    public static SeasonalConfig defaults() {
        return new SeasonalConfig(0.005, 0.0005, 0.02, 0.01, 0.005, 3, 7, 2, 10, 5,
                Duration.ofHours(2), Duration.ofDays(1));
    }

    private static void checkRate(String name, double rate) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("%s: %s (expected: in (0, 1])".formatted(name, rate));
        }
    }

    private static void checkPositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException("%s: %s (expected: > 0)".formatted(name, value));
        }
    }
}
