package io.auditline.detect.detector;

/**
 * A streaming detector for one series (one zone, one NAB file): fed one bucket at a time, in time order.
 *
 * <p>The same contract serves alerting (an {@link Verdict.Alert} is a page, already de-duplicated by the
 * detector's own suppression) and benchmarking (NAB thresholds {@link Verdict#score()} by a sweep).
 * Implementations keep O(1) state and do O(1) work per update.
 */
public interface Detector {

    /**
     * Feeds the value of the bucket starting at {@code epochMillis} and returns what the detector concludes.
     *
     * @param epochMillis start of the bucket; strictly increasing between calls
     * @param value the bucket's value (an event count for alerting, any real value for NAB)
     */
    Verdict update(long epochMillis, double value);

    /** Short stable name used in reports and NAB result paths, e.g. {@code anchor}. */
    String name();
}
