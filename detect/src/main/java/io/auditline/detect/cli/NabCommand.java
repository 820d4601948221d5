package io.auditline.detect.cli;

import io.auditline.detect.nab.NabCorpus;
import io.auditline.detect.nab.NabResultWriter;
import io.auditline.detect.nab.NabRunner;
import io.auditline.detect.nab.NabSeries;
import io.auditline.detect.nab.Profile;
import io.auditline.detect.nab.ProfileResult;
import io.auditline.detect.nab.ScoredSeries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate nab}: NAB scores for the three profiles, and NAB-format result files. */
@Command(name = "nab", mixinStandardHelpOptions = true,
        description = "Runs detectors over a NAB-layout directory and prints normalised scores per profile.")
final class NabCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "NAB-layout directory (data/, labels/combined_windows.json)")
    Path data;

    @Option(names = "--detector", defaultValue = "both", description = "anchor, ours or both (default: ${DEFAULT-VALUE})")
    Detectors detector;

    @Option(names = "--out", description = "write NAB result files under this directory")
    Path out;

    @Override
    public void run() {
        PrintWriter console = spec.commandLine().getOut();
        List<NabSeries> corpus = NabCorpus.load(data);
        for (Detectors d : detector.expand()) {
            List<ScoredSeries> scored = NabRunner.run(corpus, d.forNab());
            Map<Profile, ProfileResult> results = NabRunner.score(scored);
            for (ProfileResult r : results.values()) {
                console.printf("%-7s %-19s score %6.1f  threshold %.4f  windows %d/%d  false positives %d%n",
                        d, r.profile().name(), r.normalised(), r.threshold(), r.detectedWindows(), r.windows(),
                        r.falsePositives());
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("detector", d.name());
                params.put("profile", r.profile().name());
                params.put("threshold", r.threshold());
                params.put("series", corpus.size());
                JsonLines.print(console, "nab.score", r.normalised(), "normalised", null, null, params);
            }
            if (out != null) {
                NabResultWriter.write(out, d.name(), scored, results);
            }
        }
    }
}
