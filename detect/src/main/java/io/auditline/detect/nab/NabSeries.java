package io.auditline.detect.nab;

import java.util.List;

/**
 * One NAB data file with its labelled windows resolved to row indices.
 *
 * @param key the corpus-relative name, e.g. {@code realKnownCause/nyc_taxi.csv}
 * @param timestamps epoch milliseconds of each row (NAB timestamps read as UTC)
 * @param values the value of each row
 * @param windows labelled anomaly windows, in time order
 */
public record NabSeries(String key, long[] timestamps, double[] values, List<Window> windows) {

    public NabSeries {
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException("values: %s rows (expected: %s, as timestamps)"
                    .formatted(values.length, timestamps.length));
        }
        windows = List.copyOf(windows);
    }

    /** An anomaly window [first, last] of row indices, both inclusive. */
    public record Window(int first, int last) {
        public Window {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("window: [%s, %s] (expected: 0 <= first <= last)"
                        .formatted(first, last));
            }
        }

        public int width() {
            return last - first + 1;
        }
    }

    public int rows() {
        return values.length;
    }

    /** Rows not scored at the start of the series: min(floor(0.15 N), 750). */
    public int probation() {
        return probation(rows());
    }

    public static int probation(int rows) {
        return Math.min((int) Math.floor(0.15 * rows), 750);
    }

    /** The series name without category or extension, e.g. {@code nyc_taxi}. */
    public String name() {
        String file = key.substring(key.lastIndexOf('/') + 1);
        return file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
    }

    /** The category directory, e.g. {@code realKnownCause}. */
    public String category() {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }
}
