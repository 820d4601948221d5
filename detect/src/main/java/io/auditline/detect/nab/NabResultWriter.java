package io.auditline.detect.nab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes NAB-format result files: {@code <out>/<detector>/<category>/<detector>_<series>.csv} with
 * {@code timestamp,value,anomaly_score,label,S(t)_standard,S(t)_reward_low_FP_rate,S(t)_reward_low_FN_rate}.
 */
public final class NabResultWriter {

    private NabResultWriter() {
    }

    /** Writes one file per series; {@code results} gives each profile's chosen threshold. */
    public static void write(Path out, String detector, List<ScoredSeries> corpus, Map<Profile, ProfileResult> results) {
        List<Profile> profiles = Profile.all();
        for (ScoredSeries s : corpus) {
            NabSeries series = s.series();
            double[][] contributions = new double[profiles.size()][];
            for (int p = 0; p < profiles.size(); p++) {
                ProfileResult r = results.get(profiles.get(p));
                contributions[p] = NabScorer.rowContributions(s, profiles.get(p), r.threshold());
            }
            int[] label = new int[series.rows()];
            for (NabSeries.Window w : series.windows()) {
                java.util.Arrays.fill(label, w.first(), w.last() + 1, 1);
            }
            Path file = out.resolve(detector).resolve(series.category())
                    .resolve(detector + "_" + series.name() + ".csv");
            try {
                Files.createDirectories(file.getParent());
                try (BufferedWriter w = Files.newBufferedWriter(file)) {
                    w.write("timestamp,value,anomaly_score,label");
                    for (Profile p : profiles) {
                        w.write(",S(t)_" + p.name());
                    }
                    w.newLine();
                    for (int i = 0; i < series.rows(); i++) {
                        w.write(NabCorpus.formatTime(series.timestamps()[i]) + "," + series.values()[i] + ","
                                + s.scores()[i] + "," + label[i]);
                        for (double[] c : contributions) {
                            w.write("," + c[i]);
                        }
                        w.newLine();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
