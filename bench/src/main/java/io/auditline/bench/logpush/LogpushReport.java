package io.auditline.bench.logpush;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.bench.tracing.Overhead;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Prints one JSON line per figure on stdout, in the other benchmarks' format, then a human summary. */
final class LogpushReport {

  static final double THROUGHPUT_TARGET = 100_000;
  static final long FRESHNESS_SLACK_MS = 5_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LogpushBench.Params params;
  private final StringBuilder summary = new StringBuilder("\nLogpush benchmark (gzip NDJSON to S3Proxy):\n");

  LogpushReport(LogpushBench.Params params) {
    this.params = params;
  }

  void throughput(Preloader.Result load, ConsumerPerfBaseline.Summary kafka, CodecCeiling.Result codec, DeliveryRun.Result run,
      Duration drainMaxAge) throws JsonProcessingException {
    double baseline = kafka.fetchRecordsPerSecond();
    Map<String, Object> k = common();
    k.put("mean_event_bytes", round(load.meanBytes()));
    k.put("records", kafka.records());
    k.put("mb", round(kafka.megabytes()));
    k.put("fetch_mb_per_s", round(kafka.fetchMegabytesPerSecond()));
    k.put("fetch_s", round(kafka.fetchMillis() / 1000.0));
    k.put("rebalance_s", round(kafka.rebalanceMillis() / 1000.0));
    k.put("records_per_s_incl_rebalance", Math.round(kafka.recordsPerSecond()));
    k.put("consumer_props", ConsumerPerfBaseline.LOGPUSH_CONSUMER_PROPS);
    line("kafka.consumer-perf", baseline, "records/s", baseline, k);

    Map<String, Object> c = common();
    c.put("events_per_pass", codec.events());
    c.put("passes", codec.passes());
    c.put("mb_per_s", round(codec.gzipMegabytesPerSecond()));
    c.put("ndjson_bytes_per_event", round((double) codec.ndjsonBytes() / codec.events()));
    c.put("gzip_ratio", round(codec.ratio()));
    c.put("render_events_per_s", Math.round(codec.renderEventsPerSecond()));
    c.put("codec", "GZIPOutputStream, deflate level 1, one thread");
    line("codec.gzip1", codec.gzipEventsPerSecond(), "events/s", baseline, c);

    double value = run.eventsPerSecond();
    boolean met = value >= THROUGHPUT_TARGET;
    Map<String, Object> p = common();
    p.put("vs_codec_ceiling", round3(value / codec.gzipEventsPerSecond()));
    p.put("codec_ceiling_events_per_s", Math.round(codec.gzipEventsPerSecond()));
    p.put("elapsed_s", round(run.elapsed().toMillis() / 1000.0));
    p.put("first_object_s", round(run.firstObject().toMillis() / 1000.0));
    p.put("drain_max_age_s", drainMaxAge.toMillis() / 1000.0);
    p.put("objects", run.objects());
    p.put("gzip_mb", round(run.gzipBytes() / 1e6));
    p.put("cores", run.cores());
    p.put("verified", "object contents = the events written (count and id fingerprint)");
    p.put("preload_events_per_s", Math.round(load.eventsPerSecond()));
    p.put("target", ">= 100000 events/s per delivery process");
    p.put("target_met", met);
    line("logpush.s3.throughput", value, "events/s", baseline, p);
    summary.append(("  %-22s %,10.0f records/s  (baseline; %,.0f incl. group join)%n"
            + "  %-22s %,10.0f events/s   %.0f MB/s of NDJSON, ratio %.1f; render alone %,.0f events/s%n"
            + "  %-22s %,10.0f events/s   %.2f x consumer, %.2f x codec ceiling, target >= 100,000/s: %s%n"
            + "  %-22s %d objects, %.1f MB gzip, first object after %.1f s; cores busy %s%n")
        .formatted("kafka.consumer-perf", baseline, kafka.recordsPerSecond(),
            "codec.gzip1", codec.gzipEventsPerSecond(), codec.gzipMegabytesPerSecond(), codec.ratio(),
            codec.renderEventsPerSecond(),
            "logpush.s3.throughput", value, value / baseline, value / codec.gzipEventsPerSecond(), met ? "met" : "MISSED",
            "", run.objects(), run.gzipBytes() / 1e6, run.firstObject().toMillis() / 1000.0, run.cores()));
  }

  void freshness(FreshnessProbe.Result r) throws JsonProcessingException {
    long flushMs = params.flushInterval().toMillis();
    double p99 = r.ms(99);
    boolean met = r.found() == r.produced() && p99 <= flushMs + FRESHNESS_SLACK_MS;
    Map<String, Object> p = common();
    p.put("p50_ms", r.ms(50));
    p.put("p99_ms", p99);
    p.put("p999_ms", r.ms(99.9));
    p.put("max_ms", round(r.latencyMicros().getMaxValue() / 1000.0));
    p.put("produced", r.produced());
    p.put("found", r.found());
    p.put("objects", r.objects());
    p.put("rate_per_s", r.rate());
    p.put("produce_s", r.produceFor().toSeconds());
    p.put("poll_ms", params.pollEvery().toMillis());
    p.put("target", "p99 <= flush interval + 5 s");
    p.put("target_met", met);
    line("logpush.s3.freshness", p99, "ms", flushMs, p);
    summary.append("  %-22s p50 %,.0f ms  p99 %,.0f ms  max %,.0f ms  (%,d of %,d events, %d objects)  target p99 <= %,d ms: %s%n"
        .formatted("logpush.s3.freshness", r.ms(50), p99, r.latencyMicros().getMaxValue() / 1000.0, r.found(), r.produced(),
            r.objects(), flushMs + FRESHNESS_SLACK_MS, met ? "met" : "MISSED"));
  }

  /**
   * What tracing costs delivery: round {@code i} of {@code off} and {@code on} ran back to back, so the
   * rounds give a paired {@link Overhead} estimate, of throughput and of events per CPU second of this
   * JVM (where Logpush runs).
   */
  void overhead(List<DeliveryRun.Result> off, List<DeliveryRun.Result> on) throws JsonProcessingException {
    Overhead throughput = Overhead.of(values(off, DeliveryRun.Result::eventsPerSecond), values(on, DeliveryRun.Result::eventsPerSecond));
    Overhead efficiency = Overhead.of(values(off, LogpushReport::eventsPerCpuSecond), values(on, LogpushReport::eventsPerCpuSecond));
    Map<String, Object> p = common();
    p.put("order", "off, on, on, off, ...");
    p.putAll(throughput.reportParams(efficiency));
    p.put("runs_off", off.stream().map(r -> Math.round(r.eventsPerSecond())).toList());
    p.put("runs_on", on.stream().map(r -> Math.round(r.eventsPerSecond())).toList());
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("bench", "tracing.overhead.logpush.s3.throughput");
    figure.put("value", round3(throughput.pooled()));
    figure.put("unit", "on/off throughput");
    figure.put("params", p);
    System.out.println(JSON.writeValueAsString(figure));
    summary.append("  tracing overhead, throughput:            %s%n".formatted(throughput.describe(Overhead.BUDGET)));
    summary.append("  tracing overhead, events per CPU second: %s%n".formatted(efficiency.describe(Overhead.BUDGET)));
  }

  private static double eventsPerCpuSecond(DeliveryRun.Result r) {
    double cpuSeconds = r.cores().getOrDefault("bench_jvm", 0.0) * r.elapsed().toNanos() / 1e9;
    return r.events() / Math.max(1e-3, cpuSeconds);
  }

  private static double[] values(List<DeliveryRun.Result> results, ToDoubleFunction<DeliveryRun.Result> value) {
    return results.stream().mapToDouble(value).toArray();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  void printSummary() {
    System.out.print(summary);
    System.out.flush();
  }

  private Map<String, Object> common() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("events", params.events());
    p.put("event_bytes", params.eventBytes());
    p.put("event_shape", params.shape().name());
    p.put("partitions", params.partitions());
    p.put("flush_interval_s", params.flushInterval().toMillis() / 1000.0);
    p.put("max_records", params.maxRecords());
    p.put("max_bytes", params.maxBytes());
    return p;
  }

  private static void line(String bench, double value, String unit, double baseline, Map<String, Object> params)
      throws JsonProcessingException {
    Map<String, Object> figure = new LinkedHashMap<>();
    figure.put("bench", bench);
    figure.put("value", unit.equals("ms") ? (Object) round(value) : (Object) Math.round(value));
    figure.put("unit", unit);
    figure.put("baseline", unit.equals("ms") ? (Object) round(baseline) : (Object) Math.round(baseline));
    figure.put("ratio", round3(value / baseline));
    figure.put("params", params);
    System.out.println(JSON.writeValueAsString(figure));
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
