package io.auditline.bench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/** Prints one JSON line per figure on stdout, in the ingest benchmark's format, then a human summary. */
final class StoreReport {

  private static final ObjectMapper JSON = new ObjectMapper();
  static final double QUERY_TARGET_P99_MS = 50;
  static final double INDEXER_TARGET_RATIO = 0.5;

  private final StringBuilder summary = new StringBuilder("\nStore benchmark:\n");

  /** {@code store.query.first-page}: API p99 against the same SQL's p99 through JDBC. */
  void query(StoreBench.Params params, BulkLoader.Result load, QueryLatencyBench.Result r) throws JsonProcessingException {
    double value = ms(r.api(), 99);
    double baseline = ms(r.jdbc(), 99);
    boolean met = value < QUERY_TARGET_P99_MS;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("events", params.events());
    p.put("accounts", params.accounts());
    p.put("window_h", QueryLatencyBench.WINDOW.toHours());
    p.put("limit", QueryLatencyBench.LIMIT);
    p.put("filter", "action_type_prefix, one of " + SyntheticEvents.QUERY_PREFIXES.size() + " prefixes");
    p.put("queries", r.queries());
    p.put("warmup_queries", params.warmupQueries());
    p.put("mean_rows", round(r.meanRows()));
    latencies(p, "", r.api());
    latencies(p, "jdbc_", r.jdbc());
    latencies(p, "repository_", r.repository());
    p.put("load_events_per_s", Math.round(load.eventsPerSecond()));
    p.put("load_s", round(load.elapsed().toMillis() / 1000.0));
    p.put("vacuum_analyze_s", round(load.analyze().toMillis() / 1000.0));
    p.put("loaders", params.loaders());
    p.put("target", "API p99 < 50 ms");
    p.put("target_met", met);
    line("store.query.first-page", value, "ms", baseline, p);
    summary.append(("  %-24s API   p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  target p99 < 50 ms: %s%n"
            + "  %-24s JDBC  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  (baseline; API/JDBC p99 %.2f)%n"
            + "  %-24s repo  p50 %6.2f ms  p99 %6.2f ms  p99.9 %6.2f ms  (SQL + protobuf, no HTTP/JSON)%n"
            + "  %-24s %,d events in %.0f s (%,.0f events/s), VACUUM (ANALYZE) %.0f s; %.1f rows per page on average%n")
        .formatted("store.query.first-page", ms(r.api(), 50), value, ms(r.api(), 99.9), met ? "met" : "MISSED",
            "", ms(r.jdbc(), 50), baseline, ms(r.jdbc(), 99.9), value / baseline,
            "", ms(r.repository(), 50), ms(r.repository(), 99), ms(r.repository(), 99.9),
            "load", load.events(), load.elapsed().toMillis() / 1000.0, load.eventsPerSecond(),
            load.analyze().toMillis() / 1000.0, r.meanRows()));
  }

  /** {@code store.indexer}: the real indexer's rate against a plain COPY of the same rows, medians over runs. */
  void indexer(List<IndexerThroughputBench.Result> runs) throws JsonProcessingException {
    double value = median(runs, IndexerThroughputBench.Result::indexerPerSecond);
    double baseline = median(runs, IndexerThroughputBench.Result::copyPerSecond);
    boolean met = value >= INDEXER_TARGET_RATIO * baseline;
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("events", runs.getFirst().events());
    p.put("runs", runs.size());
    p.put("topic_partitions", IndexerThroughputBench.TOPIC_PARTITIONS);
    p.put("baseline_copy_rows_per_tx", IndexerThroughputBench.BASELINE_CHUNK_ROWS);
    p.put("steady_events_per_s", Math.round(median(runs, IndexerThroughputBench.Result::indexerSteadyPerSecond)));
    p.put("first_row_s", round(median(runs, r -> r.untilFirstRow().toMillis() / 1000.0)));
    p.put("produce_events_per_s", Math.round(median(runs, IndexerThroughputBench.Result::producePerSecond)));
    p.put("runs_value", runs.stream().map(r -> Math.round(r.indexerPerSecond())).toList());
    p.put("runs_baseline", runs.stream().map(r -> Math.round(r.copyPerSecond())).toList());
    p.put("target", ">= 0.5 x plain COPY");
    p.put("target_met", met);
    line("store.indexer", value, "events/s", baseline, p);
    summary.append("  %-24s %,10.0f events/s  plain COPY %,10.0f events/s  ratio %.2f  target >= 0.5: %s%n"
        .formatted("store.indexer", value, baseline, value / baseline, met ? "met" : "MISSED"));
  }

  void printSummary() {
    System.out.print(summary);
    System.out.flush();
  }

  private static void latencies(Map<String, Object> p, String prefix, Histogram h) {
    p.put(prefix + "p50_ms", ms(h, 50));
    p.put(prefix + "p99_ms", ms(h, 99));
    p.put(prefix + "p999_ms", ms(h, 99.9));
    p.put(prefix + "max_ms", round(h.getMaxValue() / 1000.0));
  }

  private static void line(String bench, double value, String unit, double baseline, Map<String, Object> params)
      throws JsonProcessingException {
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("bench", bench);
    // Milliseconds keep two decimals; rates are whole events per second, as in the ingest figures.
    figure.put("value", unit.equals("ms") ? (Object) round(value) : (Object) Math.round(value));
    figure.put("unit", unit);
    figure.put("baseline", unit.equals("ms") ? (Object) round(baseline) : (Object) Math.round(baseline));
    figure.put("ratio", Math.round(value / baseline * 1000) / 1000.0);
    figure.put("params", params);
    System.out.println(JSON.writeValueAsString(figure));
  }

  private static double ms(Histogram h, double percentile) {
    return round(h.getValueAtPercentile(percentile) / 1000.0);
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
