package io.auditline.detect.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {

    private static NabSeries series(String key, int rows, NabSeries.Window... windows) {
        long[] timestamps = new long[rows];
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            timestamps[i] = i * 300_000L;
        }
        return new NabSeries(key, timestamps, values, List.of(windows));
    }

    private static final List<NabSeries> CORPUS = List.of(
            series("a/one.csv", 1000, new NabSeries.Window(300, 399), new NabSeries.Window(700, 749)),
            series("a/two.csv", 2000, new NabSeries.Window(1500, 1699)),
            series("b/none.csv", 800));

    private static List<ScoredSeries> scored(java.util.function.Function<NabSeries, double[]> detector) {
        return CORPUS.stream().map(s -> new ScoredSeries(s, detector.apply(s))).toList();
    }

    @Test
    void aPerfectDetectorScoresOneHundredInEveryProfile() {
        List<ScoredSeries> perfect = scored(s -> {
            double[] scores = new double[s.rows()];
            s.windows().forEach(w -> scores[w.first()] = 1);
            return scores;
        });
        for (Profile profile : Profile.all()) {
            assertThat(NabScorer.optimise(perfect, profile).normalised()).isCloseTo(100, within(1e-9));
        }
    }

    @Test
    void theNullDetectorScoresZeroInEveryProfile() {
        List<ScoredSeries> none = scored(s -> new double[s.rows()]);
        for (Profile profile : Profile.all()) {
            ProfileResult result = NabScorer.optimise(none, profile);
            assertThat(result.normalised()).isCloseTo(0, within(1e-9));
            assertThat(result.windows()).isEqualTo(3);
        }
    }

    @Test
    void reproducesAHandWorkedExample() {
        // 20 rows: probation = min(floor(0.15 * 20), 750) = 3 rows. One window, rows 10..13 (w = 4).
        // Detections (score 1): row 1 (in probation: ignored), row 5 (no preceding window: -A_FP),
        // row 11 (earliest in window), row 12 (later in the same window: ignored), row 16 (after the window).
        // sigma(y) = 2 / (1 + e^(5y)) - 1; sigma(-1) = 0.986614
        // row 11: position -(13 - 11 + 1) / 4 = -0.75; sigma(-0.75) = 0.954046; / sigma(-1) = 0.966989
        // row 16: |13 - 16| / (4 - 1) = 1; sigma(1) = -0.986614; standard: x 0.11 = -0.108528
        // standard: S = -0.11 + 0.966989 - 0.108528 = 0.748462; normalised 100 (S + 1) / (1 + 1) = 87.4231
        // low FP:  S = -0.22 + 0.966989 - 0.217055 = 0.529934; normalised 76.4967
        // low FN:  S = 0.748462 (A_FN only changes S_null = -2); normalised 100 (S + 2) / (1 + 2) = 91.6154
        NabSeries s = series("x/hand.csv", 20, new NabSeries.Window(10, 13));
        double[] scores = new double[20];
        for (int row : new int[] {1, 5, 11, 12, 16}) {
            scores[row] = 1;
        }
        List<ScoredSeries> corpus = List.of(new ScoredSeries(s, scores));

        ProfileResult standard = NabScorer.optimise(corpus, Profile.STANDARD);
        assertThat(standard.threshold()).isEqualTo(1);
        assertThat(standard.rawScore()).isCloseTo(0.748462, within(1e-6));
        assertThat(standard.normalised()).isCloseTo(87.4231, within(1e-4));
        assertThat(standard.falsePositives()).isEqualTo(2);
        assertThat(standard.detectedWindows()).isEqualTo(1);
        assertThat(NabScorer.optimise(corpus, Profile.REWARD_LOW_FP).normalised()).isCloseTo(76.4967, within(1e-4));
        assertThat(NabScorer.optimise(corpus, Profile.REWARD_LOW_FN).normalised()).isCloseTo(91.6154, within(1e-4));

        double[] contributions = NabScorer.rowContributions(corpus.get(0), Profile.STANDARD, 1);
        assertThat(contributions[1]).isZero();
        assertThat(contributions[5]).isCloseTo(-0.11, within(1e-9));
        assertThat(contributions[11]).isCloseTo(0.966989, within(1e-6));
        assertThat(contributions[12]).isZero();
        assertThat(contributions[16]).isCloseTo(-0.108528, within(1e-6));
    }

    @Test
    void theSweepPrefersNoDetectionToDetectingEverything() {
        // Scoring every row 0.5 detects every window at its first row but pays for ~3,000 false positives.
        ProfileResult result = NabScorer.optimise(scored(s -> {
            double[] scores = new double[s.rows()];
            java.util.Arrays.fill(scores, 0.5);
            return scores;
        }), Profile.STANDARD);
        assertThat(result.threshold()).isInfinite();
        assertThat(result.normalised()).isZero();
    }

    @Test
    void theScaledSigmoidIsPinnedBeyondThree() {
        assertThat(NabScorer.sigmoid(0)).isZero();
        assertThat(NabScorer.sigmoid(3.0001)).isEqualTo(-1);
        assertThat(NabScorer.sigmoid(-1)).isCloseTo(0.986614, within(1e-6));
    }
}
