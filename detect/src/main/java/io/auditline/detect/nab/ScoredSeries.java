package io.auditline.detect.nab;

/** A NAB series with one detector's anomaly score per row. */
public record ScoredSeries(NabSeries series, double[] scores) {

    public ScoredSeries {
        if (scores.length != series.rows()) {
            throw new IllegalArgumentException("scores: %s rows (expected: %s)".formatted(scores.length, series.rows()));
        }
    }
}
