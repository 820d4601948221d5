package io.auditline.detect.nab;

import io.auditline.detect.detector.Detector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Runs a detector over every series of a corpus and scores it under the three profiles.
 *
 * <p>The detector factory receives only the probation length (as NAB hands it to its detectors); a fresh
 * detector sees each series once, row by row, and never its labels.
 */
public final class NabRunner {

    private NabRunner() {
    }

    /** Anomaly scores of a fresh detector per series. */
    public static List<ScoredSeries> run(List<NabSeries> corpus, IntFunction<Detector> detectorForProbation) {
        List<ScoredSeries> scored = new ArrayList<>();
        for (NabSeries series : corpus) {
            Detector detector = detectorForProbation.apply(series.probation());
            double[] scores = new double[series.rows()];
            for (int i = 0; i < series.rows(); i++) {
                scores[i] = detector.update(series.timestamps()[i], series.values()[i]).score();
            }
            scored.add(new ScoredSeries(series, scores));
        }
        return scored;
    }

    /** The sweep's best result for each profile, in NAB's profile order. */
    public static Map<Profile, ProfileResult> score(List<ScoredSeries> scored) {
        Map<Profile, ProfileResult> results = new LinkedHashMap<>();
        for (Profile profile : Profile.all()) {
            results.put(profile, NabScorer.optimise(scored, profile));
        }
        return results;
    }
}
