package io.auditline.detect.nab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCorpusTest {

    @TempDir
    Path root;

    @Test
    void resolvesLabelledWindowsToRowsAndWritesResultFiles() throws IOException {
        Files.createDirectories(root.resolve("data/cat"));
        Files.createDirectories(root.resolve("labels"));
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 10; i++) {
            csv.append("2014-04-01 00:%02d:00,%d\n".formatted(i * 5, i));
        }
        Files.writeString(root.resolve("data/cat/s.csv"), csv);
        Files.writeString(root.resolve("labels/combined_windows.json"), """
                {"cat/s.csv": [["2014-04-01 00:10:00.000000", "2014-04-01 00:20:00.000000"]],
                 "cat/missing.csv": []}""");

        List<NabSeries> corpus = NabCorpus.load(root);

        assertThat(corpus).hasSize(1);
        NabSeries s = corpus.get(0);
        assertThat(s.name()).isEqualTo("s");
        assertThat(s.category()).isEqualTo("cat");
        assertThat(s.values()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(s.windows()).containsExactly(new NabSeries.Window(2, 4));

        ScoredSeries scored = new ScoredSeries(s, new double[10]);
        Map<Profile, ProfileResult> results = new java.util.LinkedHashMap<>();
        for (Profile p : Profile.all()) { // a threshold nothing reaches: the window is missed
            results.put(p, NabScorer.scoreAt(List.of(scored), p, Double.POSITIVE_INFINITY));
        }
        NabResultWriter.write(root.resolve("out"), "null", List.of(scored), results);
        List<String> lines = Files.readAllLines(root.resolve("out/null/cat/null_s.csv"));
        assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,label,"
                + "S(t)_standard,S(t)_reward_low_FP_rate,S(t)_reward_low_FN_rate");
        assertThat(lines.get(3)).startsWith("2014-04-01 00:10:00,2.0,0.0,1,");
        assertThat(lines.get(5)).endsWith(",-1.0,-1.0,-2.0"); // the missed window's cost on its last row
    }
}
