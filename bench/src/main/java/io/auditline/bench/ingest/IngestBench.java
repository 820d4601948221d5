package io.auditline.bench.ingest;

import io.auditline.app.config.AuditlineConfig;
import io.auditline.bench.tracing.BenchTracing;
import io.auditline.platform.config.Durations;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code auditline bench ingest}: end-to-end ingest throughput and latency (mTLS gRPC, validation,
 * Kafka acks=all) against Kafka's ProducerPerformance on the same broker in the same run.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Ingest throughput and latency vs Kafka ProducerPerformance on the same broker.")
public final class IngestBench implements Callable<Integer> {

  /** Which load shapes to run. */
  enum Mode { batched, single, both }

  @Option(names = "--duration", defaultValue = "30s", description = "Measurement per run (default: ${DEFAULT-VALUE})")
  String duration;

  @Option(names = "--warmup", defaultValue = "10s", description = "Warm-up before each measurement (default: ${DEFAULT-VALUE})")
  String warmup;

  @Option(names = "--compare-warmup", description = "With --tracing compare: the unrecorded warm-up of each setting "
      + "before the first round, so the JIT has compiled both paths (default: --warmup)")
  String compareWarmup;

  @Option(names = "--producers", defaultValue = "4", description = "Concurrent producers, one mTLS channel each (default: ${DEFAULT-VALUE})")
  int producers;

  @Option(names = "--batch-size", defaultValue = "100", description = "Events per RPC in batched mode (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--event-bytes", defaultValue = "500", description = "Encoded size of each event (default: ${DEFAULT-VALUE})")
  int eventBytes;

  @Option(names = "--outstanding", defaultValue = "4", description = "RPCs in flight per producer, batched mode (default: ${DEFAULT-VALUE})")
  int outstanding;

  @Option(names = "--single-outstanding", defaultValue = "16", description = "RPCs in flight per producer, single mode (default: ${DEFAULT-VALUE})")
  int singleOutstanding;

  @Option(names = "--runs", defaultValue = "3", description = "Repetitions; medians are reported (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--mode", defaultValue = "both", description = "batched, single or both (default: ${DEFAULT-VALUE})")
  Mode mode;

  @Option(names = "--tracing", defaultValue = "on",
      description = "on (default sampling, OTLP export to an in-process sink), off (no tracing), or compare: after a "
          + "warm-up of both, each run measures off and on back to back (order alternating) and the runs give a paired "
          + "estimate of the cost with a 95% interval (default: ${DEFAULT-VALUE})")
  String tracing;

  @Option(names = "--sample-ratio", defaultValue = "" + AuditlineConfig.Tracing.DEFAULT_SAMPLE_RATIO,
      description = "tracing.sampleRatio of the 'on' setting (default: ${DEFAULT-VALUE}, the production default)")
  double sampleRatio;

  @Option(names = "--rate", defaultValue = "0",
      description = "Open loop: offer this many events per second in total on a fixed schedule (latency counts from "
          + "the schedule) instead of keeping RPCs in flight; with --tracing compare the estimate is of the server's "
          + "CPU per event at that load. 0 = closed loop (default: ${DEFAULT-VALUE})")
  double rate;

  @Option(names = "--aa",
      description = "With --tracing compare: an A/A run, 'on' is tracing off as well, to measure the comparison's own noise")
  boolean aa;

  @Override
  public Integer call() throws Exception {
    Duration measure = Durations.parse(duration);
    Duration warm = Durations.parse(warmup);
    require(producers >= 1, "producers: %s (expected: >= 1)", producers);
    require(batchSize >= 1 && batchSize <= 1000, "batch-size: %s (expected: 1..1000)", batchSize);
    require(outstanding >= 1 && singleOutstanding >= 1, "outstanding: %s (expected: >= 1)", Math.min(outstanding, singleOutstanding));
    require(runs >= 1, "runs: %s (expected: >= 1)", runs);
    require(!aa || tracing.equals("compare"), "aa: %s (expected: only with --tracing compare)", aa);
    require(rate >= 0, "rate: %s (expected: >= 0 events/s)", rate);
    require(rate == 0 || mode != Mode.both, "rate: %s (expected: with --mode batched or --mode single; their capacities differ tenfold)", rate);
    require(sampleRatio >= 0 && sampleRatio <= 1, "sample-ratio: %s (expected: 0.0..1.0)", sampleRatio);
    EventFactory events = new EventFactory(eventBytes);
    Params params = new Params(measure, warm, producers, batchSize, events.eventBytes(), outstanding, singleOutstanding, rate);
    List<BenchTracing> tracings = BenchTracing.parse(tracing);
    List<ProducerPerfBaseline.Summary> baselines = new ArrayList<>();
    Map<BenchTracing, List<LoadGenerator.Result>> batched = new EnumMap<>(BenchTracing.class);
    Map<BenchTracing, List<LoadGenerator.Result>> single = new EnumMap<>(BenchTracing.class);
    tracings.forEach(t -> {
      batched.put(t, new ArrayList<>());
      single.put(t, new ArrayList<>());
    });
    try (BenchEnvironment env = BenchEnvironment.start(tracings, sampleRatio, aa)) {
      System.err.printf("bench: broker %s, data %s, tracing %s%n", env.bootstrapServers(), env.dataDir(), tracings);
      ProducerPerfBaseline baseline =
          new ProducerPerfBaseline(env.bootstrapServers(), BenchEnvironment.BASELINE_TOPIC, env.dataDir());
      // Calibrate (and warm the broker): how many records fill one measurement window?
      ProducerPerfBaseline.Summary calibration = baseline.run(Math.max(100_000, 50_000 * warm.toSeconds()), events.eventBytes());
      long records = Math.max(100_000, (long) (calibration.recordsPerSecond() * measure.toMillis() / 1000.0));
      boolean comparing = tracings.size() == 2;
      if (comparing) {
        warmUp(env, tracings, events, compareWarmup == null ? warm : Durations.parse(compareWarmup));
      }
      for (int run = 1; run <= runs; run++) {
        // Comparing, the runs are rounds of a paired estimate: the baseline once is enough.
        if (!comparing || run == 1) {
          baselines.add(baseline.run(records, events.eventBytes()));
          progress(run, "kafka.producer-perf", baselines.getLast().recordsPerSecond(), baselines.getLast().p99Millis());
        }
        // Settings take turns, the first one alternating between runs, so drift hits each alike.
        List<BenchTracing> order = run % 2 == 1 ? tracings : tracings.reversed();
        if (mode != Mode.single) {
          for (BenchTracing t : order) {
            batched.get(t).add(load(env, t, events, batchSize, outstanding, warm, measure));
            progress(run, "ingest.batched" + label(t, tracings), batched.get(t).getLast());
          }
        }
        if (mode != Mode.batched) {
          for (BenchTracing t : order) {
            single.get(t).add(load(env, t, events, 1, singleOutstanding, warm, measure));
            progress(run, "ingest.single" + label(t, tracings), single.get(t).getLast());
          }
        }
      }
      System.err.printf("bench: the stand-in collector received %s%n", env.exported());
    }
    for (BenchTracing t : tracings) {
      new Report(params, label(t, tracings)).print(baselines, batched.get(t), single.get(t));
    }
    if (tracings.size() == 2 && params.openLoop()) {
      Report.openLoopOverhead("ingest.batched", batched.get(BenchTracing.off), batched.get(BenchTracing.on));
      Report.openLoopOverhead("ingest.single", single.get(BenchTracing.off), single.get(BenchTracing.on));
    } else if (tracings.size() == 2) {
      Report.overhead("ingest.batched", batched.get(BenchTracing.off), batched.get(BenchTracing.on));
      Report.overhead("ingest.single", single.get(BenchTracing.off), single.get(BenchTracing.on));
    }
    return 0;
  }

  /**
   * Before the rounds of a comparison, each setting runs each load shape once unrecorded, so the JIT has
   * compiled the paths of both before the first measured round (they share the JVM's code).
   */
  private void warmUp(BenchEnvironment env, List<BenchTracing> tracings, EventFactory events, Duration warm)
      throws InterruptedException {
    for (BenchTracing t : tracings) {
      if (mode != Mode.single) {
        LoadGenerator.Result r = load(env, t, events, batchSize, outstanding, warm, warm);
        System.err.printf("bench: warm-up ingest.batched[tracing=%s] %,.0f /s (not counted)%n", t, r.eventsPerSecond());
      }
      if (mode != Mode.batched) {
        LoadGenerator.Result r = load(env, t, events, 1, singleOutstanding, warm, warm);
        System.err.printf("bench: warm-up ingest.single[tracing=%s] %,.0f /s (not counted)%n", t, r.eventsPerSecond());
      }
    }
  }

  private static String label(BenchTracing t, List<BenchTracing> tracings) {
    return tracings.size() == 1 ? "" : "[tracing=" + t + "]";
  }

  private LoadGenerator.Result load(
      BenchEnvironment env, BenchTracing tracing, EventFactory events, int perRpc, int inFlight, Duration warm, Duration measure)
      throws InterruptedException {
    env.use(tracing);
    List<ManagedChannel> channels = new ArrayList<>();
    for (int i = 0; i < producers; i++) {
      channels.add(env.channel());
    }
    try {
      LoadGenerator.Pace pace = rate > 0 ? new LoadGenerator.Pace.Open(rate / perRpc) : new LoadGenerator.Pace.Closed(inFlight);
      return new LoadGenerator(channels, events, perRpc, pace).run(warm, measure);
    } finally {
      for (ManagedChannel channel : channels) {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
  }

  private static void progress(int run, String bench, LoadGenerator.Result r) {
    System.err.printf("bench: run %d %-20s %,10.0f /s  p99 %.1f ms  server %.0f us CPU per event, generator %.0f us, JIT %d ms%n",
        run, bench, r.eventsPerSecond(), r.percentileMillis(99), r.cpu().server().toNanos() / 1e3 / Math.max(1, r.events()),
        r.cpu().generator().toNanos() / 1e3 / Math.max(1, r.events()), r.cpu().jit().toMillis());
  }

  private static void progress(int run, String bench, double perSecond, double p99Millis) {
    System.err.printf("bench: run %d %-20s %,10.0f /s  p99 %.1f ms%n", run, bench, perSecond, p99Millis);
  }

  private static void require(boolean condition, String format, Object value) {
    if (!condition) {
      throw new IllegalArgumentException(format.formatted(value));
    }
  }

  /** The parameters every figure reports. */
  record Params(
      Duration duration, Duration warmup, int producers, int batchSize, int eventBytes, int outstanding,
      int singleOutstanding, double rate) {
    /** Whether RPCs were offered at a fixed rate rather than kept in flight. */
    boolean openLoop() {
      return rate > 0;
    }
  }
}
