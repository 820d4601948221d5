package io.auditline.detect.detector;

import java.time.Duration;

/**
 * Parameters of the anchor's documented rule; {@link #documented()} is the rule itself.
 *
 * @param inputsPerBucket consecutive input buckets summed into one evaluated bucket (5 one-minute counts)
 * @param baselineBuckets evaluated buckets in the baseline (72 five-minute buckets = 6 hours)
 * @param zThreshold the bucket fires when its z-score is strictly above this
 * @param minEvents the bucket fires only when it holds at least this many events
 * @param suppression no repeat alert until this long after the previous alert
 */
public record AnchorRule(int inputsPerBucket, int baselineBuckets, double zThreshold, double minEvents,
                         Duration suppression) {

    public AnchorRule {
        if (inputsPerBucket <= 0) {
            throw new IllegalArgumentException("inputsPerBucket: %s (expected: > 0)".formatted(inputsPerBucket));
        }
        if (baselineBuckets < 2) {
            throw new IllegalArgumentException("baselineBuckets: %s (expected: >= 2)".formatted(baselineBuckets));
        }
        if (!(zThreshold > 0)) {
            throw new IllegalArgumentException("zThreshold: %s (expected: > 0)".formatted(zThreshold));
        }
        if (!(minEvents >= 0)) {
            throw new IllegalArgumentException("minEvents: %s (expected: >= 0)".formatted(minEvents));
        }
        if (suppression.isNegative()) {
            throw new IllegalArgumentException("suppression: %s (expected: >= 0)".formatted(suppression));
        }
    }

    /** The published rule: 1-minute input in 5-minute buckets, 6-hour baseline, z > 3.5, >= 200 events, 2 h quiet. */
    public static AnchorRule documented() {
        return new AnchorRule(5, 72, 3.5, 200, Duration.ofHours(2));
    }

    /**
     * The rule applied to NAB rows: each row is one bucket and the event floor is dropped, because NAB values
     * are not event counts (a 200 floor would silence CPU percentages and temperatures entirely).
     */
    public static AnchorRule forNab() {
        return new AnchorRule(1, 72, 3.5, 0, Duration.ofHours(2));
    }
}
