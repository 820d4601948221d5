package io.auditline.bench.tracing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What tracing costs, estimated from rounds in each of which the same work ran with tracing off and
 * on back to back. Values are "higher is better" (events per second, events per CPU second), so an
 * on/off ratio of 0.97 means tracing cost 3%.
 *
 * <p>The estimate is the pooled ratio (the sum of the on values over the sum of the off values, so a
 * round counts by its size), with a 95% interval from a bootstrap over rounds: machine drift that
 * hits both settings of a round alike cancels within the round, and what is left between rounds is
 * the noise the interval shows.
 *
 * @param rounds the paired measurements, in the order they ran
 */
public record Overhead(List<Pair> rounds) {

  /** The same work measured once with tracing off and once on. */
  public record Pair(double off, double on) {
    public Pair {
      if (!(off > 0) || !(on > 0)) {
        throw new IllegalArgumentException("pair: off %s, on %s (expected: both > 0)".formatted(off, on));
      }
    }

    public double ratio() {
      return on / off;
    }
  }

  /** Whether a budget (the largest acceptable cost, e.g. 0.05) is met. */
  public enum Verdict {
    /** Even the low end of the interval is within the budget. */
    MET,
    /** The estimate is within the budget, the low end of the interval is not: more rounds would tell. */
    LIKELY,
    /** The estimate itself is over the budget. */
    MISSED
  }

  /** A two-sided interval of the pooled ratio. */
  public record Interval(double low, double high) {}

  /** The budget: tracing at the default sampling costs at most 5% of throughput. */
  public static final double BUDGET = 0.05;

  private static final int RESAMPLES = 10_000;
  private static final long SEED = 20261127L;

  public Overhead {
    rounds = List.copyOf(rounds);
    if (rounds.isEmpty()) {
      throw new IllegalArgumentException("rounds: none (expected: at least 1)");
    }
  }

  /** Pairs {@code off.get(i)} with {@code on.get(i)}; the lists must be as long as each other. */
  public static Overhead of(double[] off, double[] on) {
    if (off.length != on.length) {
      throw new IllegalArgumentException("off: %d values, on: %d (expected: as many)".formatted(off.length, on.length));
    }
    List<Pair> pairs = new ArrayList<>(off.length);
    for (int i = 0; i < off.length; i++) {
      pairs.add(new Pair(off[i], on[i]));
    }
    return new Overhead(pairs);
  }

  /** Sum of on over sum of off. */
  public double pooled() {
    double off = 0;
    double on = 0;
    for (Pair pair : rounds) {
      off += pair.off();
      on += pair.on();
    }
    return on / off;
  }

  /** The ratio within each round, in order. */
  public double[] ratios() {
    return rounds.stream().mapToDouble(Pair::ratio).toArray();
  }

  /** The median of the rounds' own ratios. */
  public double medianRatio() {
    double[] sorted = ratios();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The 95% percentile-bootstrap interval of {@link #pooled()}, resampling whole rounds (seeded, so repeatable). */
  public Interval interval95() {
    if (rounds.size() == 1) {
      return new Interval(pooled(), pooled());
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] estimates = new double[RESAMPLES];
    int[] picks = new int[rounds.size()];
    for (int r = 0; r < RESAMPLES; r++) {
      for (int i = 0; i < picks.length; i++) {
        picks[i] = random.nextInt(rounds.size());
      }
      estimates[r] = pooled(rounds, picks);
    }
    Arrays.sort(estimates);
    return new Interval(estimates[(int) (RESAMPLES * 0.025)], estimates[(int) (RESAMPLES * 0.975) - 1]);
  }

  /** Whether tracing costs at most {@code budget} (0.05 = 5%) of the value. */
  public Verdict verdict(double budget) {
    if (!(budget >= 0 && budget < 1)) {
      throw new IllegalArgumentException("budget: %s (expected: 0 <= budget < 1)".formatted(budget));
    }
    double floor = 1 - budget;
    if (interval95().low() >= floor) {
      return Verdict.MET;
    }
    return pooled() >= floor ? Verdict.LIKELY : Verdict.MISSED;
  }

  /** One line for people: estimate, interval, verdict and every round's ratio. */
  public String describe(double budget) {
    Interval ci = interval95();
    StringBuilder perRound = new StringBuilder();
    for (double ratio : ratios()) {
      perRound.append(perRound.isEmpty() ? "" : " ").append("%.3f".formatted(ratio));
    }
    return "on/off %.3f (95%% interval %.3f..%.3f over %d rounds; median of rounds %.3f) -> cost %.1f%%, budget %.0f%%: %s; rounds %s"
        .formatted(pooled(), ci.low(), ci.high(), rounds.size(), medianRatio(), (1 - pooled()) * 100, budget * 100,
            verdict(budget), perRound);
  }

  /**
   * The entries both benchmarks report for an estimate of throughput ({@code this}) and of events per
   * CPU second ({@code perCpuSecond}), in report order, values rounded to three decimals.
   */
  public Map<String, Object> reportParams(Overhead perCpuSecond) {
    return reportParams("events_per_cpu_second", perCpuSecond);
  }

  /**
   * The entries a report gives for this estimate and a second one named {@code secondName}
   * ({@code <secondName>_ratio}, {@code <secondName>_interval95}), values rounded to three decimals.
   */
  public Map<String, Object> reportParams(String secondName, Overhead second) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("rounds", rounds.size());
    p.put("interval95", rounded(interval95()));
    p.put("median_of_rounds", round3(medianRatio()));
    p.put("verdict_5pct", verdict(BUDGET).name());
    p.put(secondName + "_ratio", round3(second.pooled()));
    p.put(secondName + "_interval95", rounded(second.interval95()));
    return p;
  }

  /** {@code value} to three decimals, as reports print ratios. */
  public static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static List<Double> rounded(Interval interval) {
    return List.of(round3(interval.low()), round3(interval.high()));
  }

  private static double pooled(List<Pair> rounds, int[] picks) {
    double off = 0;
    double on = 0;
    for (int pick : picks) {
      Pair pair = rounds.get(pick);
      off += pair.off();
      on += pair.on();
    }
    return on / off;
  }
}
