package io.auditline.detect.nab;

import java.util.List;

/** All scored rows (after probation) of a corpus, flattened for the threshold sweep; windows numbered globally. */
final class CorpusRows {

    final double[] score;
    final double[] unweighted;
    final int[] window;
    final int windowCount;

    private CorpusRows(double[] score, double[] unweighted, int[] window, int windowCount) {
        this.score = score;
        this.unweighted = unweighted;
        this.window = window;
        this.windowCount = windowCount;
    }

    static CorpusRows of(List<ScoredSeries> corpus) {
        int total = 0;
        for (ScoredSeries s : corpus) {
            total += s.series().rows() - s.series().probation();
        }
        double[] score = new double[total];
        double[] unweighted = new double[total];
        int[] window = new int[total];
        int at = 0;
        int windowBase = 0;
        for (ScoredSeries s : corpus) {
            NabSeries series = s.series();
            int[] windowOf = new int[series.rows()];
            double[] u = NabScorer.unweighted(series, windowOf);
            int[] global = new int[series.windows().size()];
            java.util.Arrays.fill(global, -1);
            for (int i = series.probation(); i < series.rows(); i++, at++) {
                score[at] = s.scores()[i];
                unweighted[at] = u[i];
                int w = windowOf[i];
                if (w >= 0 && global[w] < 0) {
                    global[w] = windowBase++; // windows wholly inside probation are never numbered
                }
                window[at] = w < 0 ? -1 : global[w];
            }
        }
        return new CorpusRows(score, unweighted, window, windowBase);
    }

    int size() {
        return score.length;
    }
}
