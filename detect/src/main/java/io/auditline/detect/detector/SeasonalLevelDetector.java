package io.auditline.detect.detector;

import java.util.Arrays;

/**
 * "Ours" for real-valued series at any sampling interval (the NAB mode): an additive seasonal model (hour of
 * week, falling back to hour of day) around a robust level, scored by the larger of the point residual and a
 * short-term mean residual, both in robust deviations of the row's hour of day ({@link HourlyScale}); O(1)
 * state.
 *
 * <p>After it fires the detector stays quiet for a cooldown, as the alerting mode does, so one incident
 * raises one detection rather than a burst of them. The level it fires at is an {@link AdaptiveThreshold}: it
 * rises each time the series fires (or crosses it during a cooldown) and relaxes back with a half-life, so a
 * bursty series must outdo its recent bursts to fire again while a quiet series keeps the base sensitivity.
 */
public final class SeasonalLevelDetector implements Detector {

    private static final int WEEK = 168;
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long DAY_MILLIS = 24 * HOUR_MILLIS;
    private static final long MONDAY_OFFSET_MILLIS = 3 * 24 * HOUR_MILLIS; // 1970-01-01 was a Thursday

    private final LevelConfig config;
    private final int warmupRows;
    private final int cooldownRows;
    private final AdaptiveThreshold threshold;
    private final HourlyScale hourlyScale;
    private final double[] weekly = new double[WEEK];
    private final double[] daily = new double[24];
    private long rows;
    private double level;
    private double scale;
    private double shortMean;
    private double magnitude;
    private long quietUntilRow = -1;

    /** @param warmupRows rows to learn from before scoring (NAB's probation) */
    public SeasonalLevelDetector(LevelConfig config, int warmupRows) {
        this.config = config;
        this.warmupRows = warmupRows;
        this.cooldownRows = (int) Math.round(config.cooldownFraction() * warmupRows);
        this.threshold = new AdaptiveThreshold(config.alertSigmas(), config.fireGain(), config.quietGain(),
                Math.max(1, config.recoveryFraction() * warmupRows));
        this.hourlyScale = new HourlyScale(config.hourScaleAlpha(), config.hourScaleFloor());
        Arrays.fill(weekly, Double.NaN);
        Arrays.fill(daily, Double.NaN);
    }

    @Override
    public Verdict update(long epochMillis, double value) {
        long row = rows++;
        if (row == 0) {
            level = value;
            magnitude = Math.abs(value);
            return Verdict.pending();
        }
        double p = Math.floorMod(epochMillis + MONDAY_OFFSET_MILLIS, WEEK * HOUR_MILLIS) / (double) HOUR_MILLIS - 0.5;
        int a = (int) Math.floor(p);
        double frac = p - a;
        a = Math.floorMod(a, WEEK);
        double sa = season(a);
        double season = sa + frac * (season((a + 1) % WEEK) - sa);
        double expected = level + season;
        // A floor on the scale keeps flat series from turning rounding noise into infinite deviations.
        int hourOfDay = (int) (Math.floorMod(epochMillis, DAY_MILLIS) / HOUR_MILLIS);
        double sigma = Math.max(1.25 * hourlyScale.at(hourOfDay, scale), 1e-3 * magnitude + 1e-9);
        double residual = value - expected;
        double clipped = Math.max(-config.clipSigmas() * sigma, Math.min(residual, config.clipSigmas() * sigma));
        shortMean += config.shortAlpha() * (residual - shortMean);
        double pointZ = Math.abs(residual) / sigma;
        double shortZ = Math.abs(shortMean) / (sigma * Math.sqrt(config.shortAlpha() / (2 - config.shortAlpha())));
        double statistic = Math.max(pointZ, shortZ);

        scale += config.scaleAlpha() * (Math.abs(clipped) - scale);
        hourlyScale.learn(hourOfDay, Math.abs(clipped));
        magnitude += config.scaleAlpha() * (Math.abs(value) - magnitude);
        level += config.levelAlpha() * clipped;
        learnSeason(epochMillis, clipped + season);

        if (row < warmupRows) {
            return Verdict.pending();
        }
        threshold.relax();
        boolean crossed = statistic > threshold.level();
        if (row <= quietUntilRow) {
            if (crossed) {
                threshold.crossedWhileQuiet();
            }
            return new Verdict.Normal(0);
        }
        // Scored against the base level, so one threshold sweep ranks every series alike; rows that did not
        // fire are capped at 0.5, below every alert (whose statistic exceeds the adapted level >= the base).
        double score = statistic / (statistic + config.alertSigmas());
        if (crossed) {
            threshold.fired();
            quietUntilRow = row + cooldownRows;
            return new Verdict.Alert(score, value, expected, statistic);
        }
        return new Verdict.Normal(Math.min(score, 0.5));
    }

    private double season(int weekSlot) {
        double w = weekly[weekSlot];
        if (!Double.isNaN(w)) {
            return w;
        }
        double d = daily[weekSlot % 24];
        return Double.isNaN(d) ? 0 : d;
    }

    private void learnSeason(long epochMillis, double seasonalPart) {
        int hourOfWeek = (int) (Math.floorMod(epochMillis + MONDAY_OFFSET_MILLIS, WEEK * HOUR_MILLIS) / HOUR_MILLIS);
        int d = hourOfWeek % 24;
        daily[d] = Double.isNaN(daily[d]) ? seasonalPart : daily[d] + config.seasonGamma() * (seasonalPart - daily[d]);
        weekly[hourOfWeek] = Double.isNaN(weekly[hourOfWeek]) ? daily[d]
                : weekly[hourOfWeek] + config.seasonGamma() * (seasonalPart - weekly[hourOfWeek]);
    }

    @Override
    public String name() {
        return "ours";
    }
}
