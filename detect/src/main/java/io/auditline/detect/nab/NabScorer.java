package io.auditline.detect.nab;

import java.util.Arrays;
import java.util.List;

/**
 * The NAB v1.1 scorer as DETECTION.md specifies it: probation, scaled sigmoid, earliest detection per window,
 * false positives weighted by their distance past the preceding window, one threshold per profile chosen by
 * sweeping every distinct score of the corpus, and the normalised score.
 */
public final class NabScorer {

    private static final double MAX_TP = sigmoid(-1);

    private NabScorer() {
    }

    /** The scaled sigmoid 2 / (1 + e^(5y)) - 1, pinned to -1 beyond y = 3. */
    public static double sigmoid(double y) {
        return y > 3 ? -1 : 2 / (1 + Math.exp(5 * y)) - 1;
    }

    /**
     * Unweighted per-row scores of a detection at each row, as NAB's sweeper assigns them: inside a window its
     * position value divided by sigma(-1); outside, sigma of the distance past the preceding window, or -1.
     * {@code windowOf} receives the index of each row's window or -1.
     */
    static double[] unweighted(NabSeries series, int[] windowOf) {
        int n = series.rows();
        double[] u = new double[n];
        Arrays.fill(windowOf, -1);
        List<NabSeries.Window> windows = series.windows();
        int next = 0;
        int current = -1;
        NabSeries.Window previous = null;
        for (int i = 0; i < n; i++) {
            if (current < 0 && next < windows.size() && i >= windows.get(next).first()) {
                current = next++;
            }
            if (current >= 0) {
                NabSeries.Window w = windows.get(current);
                u[i] = sigmoid(-(double) (w.last() - i + 1) / w.width()) / MAX_TP;
                windowOf[i] = current;
                if (i == w.last()) {
                    previous = w;
                    current = -1;
                }
            } else if (previous == null) {
                u[i] = -1;
            } else {
                u[i] = sigmoid(Math.abs(previous.last() - i) / (double) (previous.width() - 1));
            }
        }
        return u;
    }

    /** Sweeps every distinct score of the corpus and returns the best threshold for the profile. */
    public static ProfileResult optimise(List<ScoredSeries> corpus, Profile profile) {
        CorpusRows rows = CorpusRows.of(corpus);
        Integer[] order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(rows.score[b], rows.score[a]));
        double[] best = new double[rows.windowCount];
        Arrays.fill(best, -profile.fnWeight());
        double total = -profile.fnWeight() * rows.windowCount;
        double bestTotal = total;
        double bestThreshold = Double.POSITIVE_INFINITY; // NAB's initial 1.1: nothing detected
        for (int k = 0; k < order.length; ) {
            double threshold = rows.score[order[k]];
            for (; k < order.length && rows.score[order[k]] == threshold; k++) {
                int r = order[k];
                int w = rows.window[r];
                if (w < 0) {
                    total += rows.unweighted[r] * profile.fpWeight();
                } else {
                    double tp = rows.unweighted[r] * profile.tpWeight();
                    if (tp > best[w]) {
                        total += tp - best[w];
                        best[w] = tp;
                    }
                }
            }
            if (total > bestTotal) { // strict: among equal scores NAB keeps the higher threshold
                bestTotal = total;
                bestThreshold = threshold;
            }
        }
        return scoreAt(corpus, profile, bestThreshold);
    }

    /** Scores the corpus at a fixed threshold. */
    public static ProfileResult scoreAt(List<ScoredSeries> corpus, Profile profile, double threshold) {
        double total = 0;
        int windows = 0;
        int detected = 0;
        int falsePositives = 0;
        for (ScoredSeries s : corpus) {
            double[] contributions = rowContributions(s, profile, threshold);
            for (double c : contributions) {
                total += c;
            }
            int[] windowOf = new int[s.series().rows()];
            unweighted(s.series(), windowOf);
            boolean[] seen = new boolean[s.series().windows().size()];
            boolean[] hit = new boolean[seen.length];
            for (int i = s.series().probation(); i < windowOf.length; i++) {
                boolean detection = s.scores()[i] >= threshold;
                if (windowOf[i] >= 0) {
                    seen[windowOf[i]] = true;
                    hit[windowOf[i]] |= detection;
                } else if (detection) {
                    falsePositives++;
                }
            }
            for (int w = 0; w < seen.length; w++) {
                windows += seen[w] ? 1 : 0;
                detected += hit[w] ? 1 : 0;
            }
        }
        double perfect = profile.tpWeight() * windows;
        double none = -profile.fnWeight() * windows;
        double normalised = perfect == none ? 0 : 100 * (total - none) / (perfect - none);
        return new ProfileResult(profile, threshold, total, normalised, detected, falsePositives, windows);
    }

    /**
     * Each row's weighted contribution at the threshold (NAB's S(t) column): the earliest detection of a window
     * carries its reward, a false positive its cost, and a missed window's -A_FN sits on its last row.
     */
    public static double[] rowContributions(ScoredSeries s, Profile profile, double threshold) {
        NabSeries series = s.series();
        int[] windowOf = new int[series.rows()];
        double[] u = unweighted(series, windowOf);
        double[] out = new double[series.rows()];
        boolean[] credited = new boolean[series.windows().size()];
        for (int i = series.probation(); i < out.length; i++) {
            int w = windowOf[i];
            if (s.scores()[i] >= threshold) {
                if (w < 0) {
                    out[i] = u[i] * profile.fpWeight();
                } else if (!credited[w]) {
                    out[i] = u[i] * profile.tpWeight();
                    credited[w] = true;
                }
            }
            if (w >= 0 && i == series.windows().get(w).last()) {
                if (!credited[w]) {
                    out[i] = -profile.fnWeight();
                }
            }
        }
        return out;
    }
}
