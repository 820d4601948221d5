package io.auditline.detect.detector;

/**
 * Many zones of {@link SeasonalRobustDetector} in flat primitive arrays, for one pass over all zones per
 * minute without an object (or a cache miss on one) per zone.
 */
public final class SeasonalZones {

    private final SeasonalConfig config;
    private final int zones;
    private final double[] scalars;
    private final float[] factors;

    public SeasonalZones(int zones, SeasonalConfig config) {
        if (zones <= 0) {
            throw new IllegalArgumentException("zones: %s (expected: > 0)".formatted(zones));
        }
        this.zones = zones;
        this.config = config;
        this.scalars = new double[zones * SeasonalKernel.SCALARS];
        this.factors = new float[zones * SeasonalKernel.FACTORS];
        for (int z = 0; z < zones; z++) {
            SeasonalKernel.init(scalars, z * SeasonalKernel.SCALARS, factors, z * SeasonalKernel.FACTORS);
        }
    }

    /** Updates one zone with its count for {@code minute}; returns true when the zone alerts. */
    public boolean update(int zone, long minute, double count) {
        int so = zone * SeasonalKernel.SCALARS;
        SeasonalKernel.step(scalars, so, factors, zone * SeasonalKernel.FACTORS, minute, count, config);
        return scalars[so + SeasonalKernel.LAST_ALERT_MINUTE] == minute;
    }

    public int zones() {
        return zones;
    }

    /** Bytes of detector state per zone, the figure that bounds how many zones fit in a heap. */
    public static int stateBytesPerZone() {
        return SeasonalKernel.SCALARS * Double.BYTES + SeasonalKernel.FACTORS * Float.BYTES;
    }
}
