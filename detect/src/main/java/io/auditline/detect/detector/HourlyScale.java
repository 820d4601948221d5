package io.auditline.detect.detector;

import java.util.Arrays;

/**
 * The robust scale (mean absolute residual) of a series for each hour of the day, so that hours that are
 * noisier than the rest (daytime tweet volumes, business-hours load) do not fire on their ordinary noise and
 * quiet hours keep the sensitivity their own noise allows. An hour is never trusted below a fraction of the
 * series' overall scale, which keeps a few calm rows from making an hour hair-triggered. 24 doubles of state.
 */
final class HourlyScale {

    private final double alpha;
    private final double floor;
    private final double[] byHour = new double[24];

    /**
     * @param alpha smoothing of each hour's scale, per row that falls in the hour
     * @param floor the smallest scale an hour is given, as a fraction of the overall scale
     */
    HourlyScale(double alpha, double floor) {
        if (!(alpha > 0 && alpha <= 1 && floor > 0)) {
            throw new IllegalArgumentException("alpha/floor: %s/%s (expected: in (0, 1], > 0)".formatted(alpha, floor));
        }
        this.alpha = alpha;
        this.floor = floor;
        Arrays.fill(byHour, Double.NaN);
    }

    /** The scale for a row in {@code hour} (0–23); an hour not seen yet starts at the overall scale. */
    double at(int hour, double overall) {
        if (Double.isNaN(byHour[hour])) {
            byHour[hour] = overall;
        }
        return Math.max(byHour[hour], floor * overall);
    }

    /** Learns the (clipped) absolute residual of a row in {@code hour}; call {@link #at} for the hour first. */
    void learn(int hour, double absResidual) {
        byHour[hour] += alpha * (absResidual - byHour[hour]);
    }
}
