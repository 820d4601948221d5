package io.auditline.detect.detector;

/** What a detector concludes after one update; {@link #score()} is an anomaly score in [0, 1]. */
public sealed interface Verdict permits Verdict.Pending, Verdict.Normal, Verdict.Alert {

    /** Anomaly score in [0, 1]; alerts score above every non-alert of the same detector's rule. */
    double score();

    /** No decision yet: the bucket is still open or the baseline is still warming up. */
    record Pending() implements Verdict {
        static final Pending INSTANCE = new Pending();

        @Override
        public double score() {
            return 0;
        }
    }

    /** The bucket was evaluated and did not fire (possibly because of suppression or a volume floor). */
    record Normal(double score) implements Verdict {
        public Normal {
            checkScore(score);
        }
    }

    /** The bucket fired: {@code observed} against {@code expected}, with the detector's statistic. */
    record Alert(double score, double observed, double expected, double statistic) implements Verdict {
        public Alert {
            checkScore(score);
        }
    }

    static Verdict pending() {
        return Pending.INSTANCE;
    }

    private static void checkScore(double score) {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score: %s (expected: in [0, 1])".formatted(score));
        }
    }
}
