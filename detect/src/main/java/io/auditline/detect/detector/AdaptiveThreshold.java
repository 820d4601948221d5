package io.auditline.detect.detector;

/**
 * A per-series alert level that rises each time the series crosses it and relaxes back towards its base with a
 * half-life, so a series that bursts often (social-media volumes, spiky load) needs a larger statistic to fire
 * again than a quiet one, while a quiet series keeps the base sensitivity. O(1) state.
 *
 * <p>Call {@link #relax()} once per scored row, then compare the statistic with {@link #level()}.
 */
final class AdaptiveThreshold {

    private final double base;
    private final double fireGain;
    private final double quietGain;
    private final double decay;
    private double multiplier = 1;

    /**
     * @param base the level of a series that has not fired recently
     * @param fireGain factor applied to the level when the series fires
     * @param quietGain factor applied when the series crosses the level while its alerts are suppressed
     * @param halfLifeRows rows for the excess over the base to halve
     */
    AdaptiveThreshold(double base, double fireGain, double quietGain, double halfLifeRows) {
        if (!(base > 0 && fireGain >= 1 && quietGain >= 1 && halfLifeRows > 0)) {
            throw new IllegalArgumentException("base/fireGain/quietGain/halfLifeRows: %s/%s/%s/%s (expected: > 0, >= 1, >= 1, > 0)"
                    .formatted(base, fireGain, quietGain, halfLifeRows));
        }
        this.base = base;
        this.fireGain = fireGain;
        this.quietGain = quietGain;
        this.decay = Math.pow(0.5, 1 / halfLifeRows);
    }

    double level() {
        return base * multiplier;
    }

    /** One row has passed: the excess over the base decays. */
    void relax() {
        multiplier = 1 + (multiplier - 1) * decay;
    }

    /** The series fired. */
    void fired() {
        multiplier *= fireGain;
    }

    /** The series crossed the level while suppressed (a cooldown): it is burstier than the level assumed. */
    void crossedWhileQuiet() {
        multiplier *= quietGain;
    }
}
