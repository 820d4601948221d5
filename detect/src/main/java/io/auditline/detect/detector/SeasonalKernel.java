package io.auditline.detect.detector;

/**
 * The arithmetic of {@link SeasonalRobustDetector} on flat primitive state, so one zone or a million zones
 * (see {@link SeasonalZones}) share the same code and neither allocates per update.
 *
 * <p>Model: expected = (Holt level + trend) x seasonal factor, where the factor is interpolated between
 * hour-of-week slots (falling back to hour-of-day slots until the week has been seen). Noise is Poisson plus
 * a learned relative over-dispersion. A bucket fires on a large robust z or on a CUSUM of smaller ones.
 */
final class SeasonalKernel {

    static final int LEVEL = 0;
    static final int TREND = 1;
    static final int RHO2 = 2;
    static final int CUSUM = 3;
    static final int SEEN_MINUTES = 4;
    static final int FIRST_MINUTE = 5;
    static final int LAST_ALERT_MINUTE = 6;
    static final int EXPECTED = 7;
    static final int STATISTIC = 8;
    static final int SCALARS = 9;

    static final int WEEK_SLOTS = 168;
    static final int FACTORS = WEEK_SLOTS + 24;

    private static final double MIN_VARIANCE = 0.25;
    private static final double Z_CAP = 12;
    private static final int MONDAY_OFFSET_MINUTES = 3 * 1440; // 1970-01-01 was a Thursday

    private SeasonalKernel() {
    }

    static void init(double[] s, int so, float[] f, int fo) {
        java.util.Arrays.fill(s, so, so + SCALARS, 0);
        s[so + LAST_ALERT_MINUTE] = Double.NEGATIVE_INFINITY;
        java.util.Arrays.fill(f, fo, fo + FACTORS, Float.NaN);
    }

    /** Updates one zone and returns its score in [0, 1]; the zone alerted iff LAST_ALERT_MINUTE == minute. */
    static double step(double[] s, int so, float[] f, int fo, long minute, double x, SeasonalConfig c) {
        if (s[so + SEEN_MINUTES] == 0) {
            s[so + LEVEL] = x;
            s[so + FIRST_MINUTE] = minute;
            s[so + SEEN_MINUTES] = 1;
            learnSeason(f, fo, minute, x, Math.max(x, 1e-9), c);
            return 0;
        }
        int minuteOfWeek = (int) Math.floorMod(minute + MONDAY_OFFSET_MINUTES, 10080L);
        // Slot k describes the middle of hour k; interpolating between neighbours removes the staircase error
        // that would otherwise dominate busy zones on the steep flanks of the daily curve.
        double p = (minuteOfWeek + 0.5) / 60.0 - 0.5;
        int a = (int) Math.floor(p);
        double frac = p - a;
        a = Math.floorMod(a, WEEK_SLOTS);
        int b = (a + 1) % WEEK_SLOTS;
        double fa = factor(f, fo, a);
        double factor = fa + frac * (factor(f, fo, b) - fa);
        double base = Math.max(s[so + LEVEL] + s[so + TREND], 0);
        double expected = base * factor;
        double variance = expected + Math.max(s[so + RHO2], 0) * expected * expected + MIN_VARIANCE;
        double sd = Math.sqrt(variance);
        double z = (x - expected) / sd;
        double cusum = Math.max(0, s[so + CUSUM] + Math.min(z, Z_CAP) - c.cusumDrift());
        double statistic = Math.max(z, cusum * c.zAlert() / c.cusumLimit());
        double score = statistic > 0 ? statistic / (statistic + c.zAlert()) : 0;
        boolean warm = minute - s[so + FIRST_MINUTE] >= c.warmup().toMinutes();
        boolean cooled = minute - s[so + LAST_ALERT_MINUTE] >= c.cooldown().toMinutes();
        if (warm && statistic > c.zAlert() && x - expected >= c.minExcess() && cooled) {
            s[so + LAST_ALERT_MINUTE] = minute;
            cusum = 0;
        } else {
            score = Math.min(score, 0.5);
        }
        s[so + CUSUM] = cusum;
        s[so + EXPECTED] = expected;
        s[so + STATISTIC] = statistic;
        s[so + SEEN_MINUTES] += 1;

        double clipped = Math.max(expected - c.clipSigmas() * sd, Math.min(x, expected + c.clipSigmas() * sd));
        double residual = clipped - expected;
        double scaleSq = Math.max(expected, 1) * Math.max(expected, 1);
        s[so + RHO2] += c.dispersionRate() * ((residual * residual - expected) / scaleSq - s[so + RHO2]);
        double deseasonalised = factor > 1e-6 ? clipped / factor : base;
        double previousLevel = s[so + LEVEL];
        double level = base + c.levelAlpha() * (deseasonalised - base);
        s[so + TREND] = s[so + TREND] + c.trendBeta() * (level - previousLevel - s[so + TREND]);
        s[so + LEVEL] = level;
        learnSeason(f, fo, minute, clipped, Math.max(base, 1e-9), c);
        return score;
    }

    private static double factor(float[] f, int fo, int weekSlot) {
        float weekly = f[fo + weekSlot];
        if (!Float.isNaN(weekly)) {
            return weekly;
        }
        float daily = f[fo + WEEK_SLOTS + weekSlot % 24];
        return Float.isNaN(daily) ? 1 : daily;
    }

    private static void learnSeason(float[] f, int fo, long minute, double value, double base, SeasonalConfig c) {
        int hourOfWeek = (int) Math.floorMod(minute + MONDAY_OFFSET_MINUTES, 10080L) / 60;
        double ratio = value / base;
        int d = fo + WEEK_SLOTS + hourOfWeek % 24;
        f[d] = Float.isNaN(f[d]) ? (float) ratio : (float) (f[d] + c.dailyGamma() * (ratio - f[d]));
        int w = fo + hourOfWeek;
        f[w] = Float.isNaN(f[w]) ? f[d] : (float) (f[w] + c.weeklyGamma() * (ratio - f[w]));
    }
}
