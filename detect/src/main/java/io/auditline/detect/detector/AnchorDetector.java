package io.auditline.detect.detector;

/**
 * The anchor's rule: a sliding z-score of the newest bucket against the previous buckets, with a volume
 * floor and a quiet period after each alert.
 *
 * <p>Choices where the documentation is silent: the newest bucket is <em>excluded</em> from its own baseline
 * (otherwise z is capped near sqrt(n - 1) and a spike hides itself), the deviation is the sample deviation
 * (n - 1), and nothing is evaluated until the baseline is full. A flat baseline (deviation 0) makes any rise
 * an infinite z. Every bucket, alerting or not, then enters the baseline, as a plain "last 6 hours" implies.
 */
public final class AnchorDetector implements Detector {

    private final AnchorRule rule;
    private final double[] baseline;
    private int filled;
    private int next;
    private double openSum;
    private int openInputs;
    private long openStart;
    private long lastAlertMillis = Long.MIN_VALUE;

    public AnchorDetector(AnchorRule rule) {
        this.rule = rule;
        this.baseline = new double[rule.baselineBuckets()];
    }

    @Override
    public Verdict update(long epochMillis, double value) {
        if (openInputs == 0) {
            openStart = epochMillis;
        }
        openSum += value;
        if (++openInputs < rule.inputsPerBucket()) {
            return Verdict.pending();
        }
        double count = openSum;
        openSum = 0;
        openInputs = 0;
        Verdict verdict = filled < baseline.length ? Verdict.pending() : evaluate(openStart, count);
        baseline[next] = count;
        next = (next + 1) % baseline.length;
        filled = Math.min(filled + 1, baseline.length);
        return verdict;
    }

    private Verdict evaluate(long bucketStart, double count) {
        int n = baseline.length;
        double mean = 0;
        for (double b : baseline) {
            mean += b;
        }
        mean /= n;
        double squares = 0;
        for (double b : baseline) {
            squares += (b - mean) * (b - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double z = sd > 0 ? (count - mean) / sd : count > mean ? Double.POSITIVE_INFINITY : 0;
        double score = z > 0 ? Math.min(1, z / (z + rule.zThreshold())) : 0;
        if (z == Double.POSITIVE_INFINITY) {
            score = 1;
        }
        boolean suppressed = lastAlertMillis != Long.MIN_VALUE
                && bucketStart - lastAlertMillis < rule.suppression().toMillis();
        if (z > rule.zThreshold() && count >= rule.minEvents() && !suppressed) {
            lastAlertMillis = bucketStart;
            return new Verdict.Alert(score, count, mean, z);
        }
        // Keeps "score above 0.5" equivalent to "fired", so a NAB sweep sees the suppression and the floor.
        return new Verdict.Normal(Math.min(score, 0.5));
    }

    @Override
    public String name() {
        return "anchor";
    }
}
