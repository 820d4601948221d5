package io.auditline.bench.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.bench.tracing.Overhead;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints the medians over runs: one JSON line per figure on stdout, then a human summary. */
final class Report {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double BATCHED_TARGET_RATIO = 0.5;
  private static final double SINGLE_TARGET_EVENTS_PER_SECOND = 5_000;
  private static final double SINGLE_TARGET_P99_MS = 20;

  private final IngestBench.Params params;
  private final String label;

  Report(IngestBench.Params params) {
    this(params, "");
  }

  /** A report whose figure names end in {@code label}, e.g. {@code [tracing=off]}. */
  Report(IngestBench.Params params, String label) {
    this.params = params;
    this.label = label;
  }

  /**
   * Prints what tracing costs {@code bench}: run {@code i} of {@code off} and of {@code on} ran back to
   * back, so each run is one round of an {@link Overhead} estimate, of throughput and of events per CPU
   * second of this JVM (server and generator).
   */
  static void overhead(String bench, List<LoadGenerator.Result> off, List<LoadGenerator.Result> on)
      throws JsonProcessingException {
    if (off.isEmpty() || on.isEmpty()) {
      return;
    }
    Overhead throughput = Overhead.of(values(off, LoadGenerator.Result::eventsPerSecond),
        values(on, LoadGenerator.Result::eventsPerSecond));
    Overhead efficiency = Overhead.of(values(off, r -> perCpuSecond(r, r.cpu().self())),
        values(on, r -> perCpuSecond(r, r.cpu().self())));
    Map<String, Object> p = throughput.reportParams(efficiency);
    p.put("runs_off", off.stream().map(r -> Math.round(r.eventsPerSecond())).toList());
    p.put("runs_on", on.stream().map(r -> Math.round(r.eventsPerSecond())).toList());
    p.put("runs_ratio", Arrays.stream(throughput.ratios()).map(Overhead::round3).boxed().toList());
    p.put("cpu_us_per_event_off", round(median(off, r -> 1e6 / perCpuSecond(r, r.cpu().self()))));
    p.put("cpu_us_per_event_on", round(median(on, r -> 1e6 / perCpuSecond(r, r.cpu().self()))));
    overheadFigure(bench, throughput, "on/off throughput", p);
    System.out.printf("  tracing overhead %-14s throughput %s%n", bench, throughput.describe(Overhead.BUDGET));
    System.out.printf("  %-31s events per CPU second %s%n", "", efficiency.describe(Overhead.BUDGET));
  }

  /**
   * Prints what tracing costs {@code bench} at a fixed offered rate (open loop): both settings carried
   * the same load, so what differs is the CPU it took. The estimate is of events per CPU second of the
   * server (this JVM less the generator's threads), the capacity a dedicated server would have; the
   * second one counts every process (server, generator, broker).
   */
  static void openLoopOverhead(String bench, List<LoadGenerator.Result> off, List<LoadGenerator.Result> on)
      throws JsonProcessingException {
    if (off.isEmpty() || on.isEmpty()) {
      return;
    }
    Overhead server = Overhead.of(values(off, r -> perCpuSecond(r, r.cpu().server())),
        values(on, r -> perCpuSecond(r, r.cpu().server())));
    Overhead all = Overhead.of(values(off, r -> perCpuSecond(r, r.cpu().all())), values(on, r -> perCpuSecond(r, r.cpu().all())));
    Map<String, Object> p = server.reportParams("all_processes_events_per_cpu_second", all);
    p.put("runs_ratio", Arrays.stream(server.ratios()).map(Overhead::round3).boxed().toList());
    for (String side : List.of("off", "on")) {
      List<LoadGenerator.Result> results = side.equals("off") ? off : on;
      p.put("events_per_s_" + side, round(median(results, LoadGenerator.Result::eventsPerSecond)));
      p.put("cpu_us_per_event_server_" + side, round(median(results, r -> 1e6 / perCpuSecond(r, r.cpu().server()))));
      p.put("runs_cpu_us_per_event_server_" + side, results.stream().map(r -> round(1e6 / perCpuSecond(r, r.cpu().server()))).toList());
      p.put("cpu_us_per_event_generator_" + side,
          round(median(results, r -> 1e6 / perCpuSecond(r, r.cpu().generator()))));
      p.put("cpu_us_per_event_broker_" + side, round(median(results, r -> 1e6 / perCpuSecond(r, r.cpu().children()))));
      p.put("p99_ms_" + side, round(median(results, r -> r.percentileMillis(99))));
      p.put("jit_ms_per_round_" + side, round(median(results, r -> r.cpu().jit().toMillis())));
    }
    overheadFigure(bench, server, "on/off server events per CPU second, open loop", p);
    System.out.printf("  tracing overhead %-14s server events per CPU second %s%n", bench, server.describe(Overhead.BUDGET));
    System.out.printf("  %-31s all processes' events per CPU second %s%n", "", all.describe(Overhead.BUDGET));
    System.out.printf("  %-31s server CPU per event: off %s us, on %s us (medians)%n", "",
        p.get("cpu_us_per_event_server_off"), p.get("cpu_us_per_event_server_on"));
  }

  private static double perCpuSecond(LoadGenerator.Result r, Duration cpu) {
    return r.events() * 1e9 / Math.max(1, cpu.toNanos());
  }

  /** The JSON line of a {@code tracing.overhead.<bench>} figure. */
  private static void overheadFigure(String bench, Overhead estimate, String unit, Map<String, Object> params)
      throws JsonProcessingException {
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("bench", "tracing.overhead." + bench);
    figure.put("value", Overhead.round3(estimate.pooled()));
    figure.put("unit", unit);
    figure.put("params", params);
    System.out.println(JSON.writeValueAsString(figure));
  }

  private static double[] values(List<LoadGenerator.Result> results, ToDoubleFunction<LoadGenerator.Result> value) {
    return results.stream().mapToDouble(value).toArray();
  }

  void print(
      List<ProducerPerfBaseline.Summary> baselines, List<LoadGenerator.Result> batched, List<LoadGenerator.Result> single)
      throws JsonProcessingException {
    double baseline = median(baselines, ProducerPerfBaseline.Summary::recordsPerSecond);
    Map<String, Object> kafka = common(baselines.size());
    kafka.put("avg_ms", median(baselines, ProducerPerfBaseline.Summary::avgMillis));
    kafka.put("p50_ms", median(baselines, ProducerPerfBaseline.Summary::p50Millis));
    kafka.put("p99_ms", median(baselines, ProducerPerfBaseline.Summary::p99Millis));
    kafka.put("runs_value", baselines.stream().map(s -> Math.round(s.recordsPerSecond())).toList());
    kafka.put("producer_props", ProducerPerfBaseline.INGEST_PRODUCER_PROPS);
    int runs = Math.max(batched.size(), single.size());
    StringBuilder summary = new StringBuilder(
        "%nIngest benchmark, medians of %d runs (baseline: %d):%n".formatted(runs, baselines.size()));
    line("kafka.producer-perf" + label, baseline, "records/s", baseline, kafka);
    summary.append("  %-20s %,10.0f records/s  p50 %5.1f ms  p99 %5.1f ms  (baseline)%n"
        .formatted("kafka.producer-perf", baseline, kafka.get("p50_ms"), kafka.get("p99_ms")));
    if (!batched.isEmpty()) {
      Map<String, Object> p = ingestParams(batched, params.batchSize(), params.outstanding());
      double value = median(batched, LoadGenerator.Result::eventsPerSecond);
      judge(p, ">= 0.5 x kafka.producer-perf", value >= BATCHED_TARGET_RATIO * baseline);
      line("ingest.batched" + label, value, "events/s", baseline, p);
      summary.append(human("ingest.batched" + label, value, baseline, p));
    }
    if (!single.isEmpty()) {
      Map<String, Object> p = ingestParams(single, 1, params.singleOutstanding());
      double value = median(single, LoadGenerator.Result::eventsPerSecond);
      judge(p, ">= 5000 events/s with p99 < 20 ms",
          value >= SINGLE_TARGET_EVENTS_PER_SECOND && (double) p.get("p99_ms") < SINGLE_TARGET_P99_MS);
      line("ingest.single" + label, value, "events/s", baseline, p);
      summary.append(human("ingest.single" + label, value, baseline, p));
    }
    System.out.print(summary);
    System.out.flush();
  }

  /**
   * Records a target and whether it was met; at a fixed offered rate (open loop) the throughput is the
   * rate, so the target is named but not judged.
   */
  private void judge(Map<String, Object> p, String target, boolean met) {
    p.put("target", target);
    p.put("target_met", params.openLoop() ? null : met);
  }

  private Map<String, Object> ingestParams(List<LoadGenerator.Result> results, int eventsPerRpc, int outstanding) {
    Map<String, Object> p = common(results.size());
    p.put("batch_size", eventsPerRpc);
    p.put("producers", params.producers());
    if (params.openLoop()) {
      p.put("offered_events_per_s", params.rate());
    } else {
      p.put("outstanding_per_producer", outstanding);
    }
    p.put("rpcs_per_s", round(median(results, r -> r.rpcs() * 1e9 / r.window().toNanos())));
    p.put("p50_ms", round(median(results, r -> r.percentileMillis(50))));
    p.put("p99_ms", round(median(results, r -> r.percentileMillis(99))));
    p.put("p999_ms", round(median(results, r -> r.percentileMillis(99.9))));
    p.put("max_ms", round(median(results, r -> r.latencyMicros().getMaxValue() / 1000.0)));
    p.put("cores_server_and_generator", round(median(results, r -> r.cores(r.cpu().self()))));
    p.put("cpu_us_per_event", round(median(results, r -> r.cpu().self().toNanos() / 1000.0 / Math.max(1, r.events()))));
    p.put("cores_broker", round(median(results, r -> r.cores(r.cpu().children()))));
    p.put("jit_ms", round(median(results, r -> r.cpu().jit().toMillis())));
    p.put("runs_value", results.stream().map(r -> Math.round(r.eventsPerSecond())).toList());
    return p;
  }

  private Map<String, Object> common(int runs) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("event_bytes", params.eventBytes());
    p.put("duration_s", params.duration().toSeconds());
    p.put("warmup_s", params.warmup().toSeconds());
    p.put("runs", runs);
    return p;
  }

  private static void line(String bench, double value, String unit, double baseline, Map<String, Object> params)
      throws JsonProcessingException {
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("bench", bench);
    figure.put("value", Math.round(value));
    figure.put("unit", unit);
    figure.put("baseline", Math.round(baseline));
    figure.put("ratio", Math.round(value / baseline * 1000) / 1000.0);
    figure.put("params", params);
    System.out.println(JSON.writeValueAsString(figure));
  }

  private static String human(String bench, double value, double baseline, Map<String, Object> p) {
    Object met = p.get("target_met");
    return ("  %-30s %,10.0f events/s   p50 %5.1f ms  p99 %5.1f ms  ratio %.2f  target %s: %s%n"
            + "  %-20s cores busy: %.2f server+generator (%.0f us CPU per event), %.2f broker%n")
        .formatted(bench, value, p.get("p50_ms"), p.get("p99_ms"), value / baseline, p.get("target"), met == null ? "not judged (open loop)" : (boolean) met ? "met" : "MISSED",
            "", p.get("cores_server_and_generator"), p.get("cpu_us_per_event"), p.get("cores_broker"));
  }

  private static <T> double median(List<T> values, ToDoubleFunction<T> f) {
    double[] sorted = values.stream().mapToDouble(f).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
