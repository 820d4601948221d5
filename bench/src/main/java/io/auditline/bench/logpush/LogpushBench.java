package io.auditline.bench.logpush;

import io.auditline.app.config.AuditlineConfig;
import io.auditline.bench.ingest.EventFactory;
import io.auditline.bench.tracing.BenchTracing;
import io.auditline.bench.tracing.OtlpSink;
import io.auditline.logpush.LogpushRole;
import io.auditline.logpush.LogpushSettings;
import io.auditline.logpush.job.BatchLimits;
import io.auditline.platform.config.Durations;
import io.auditline.platform.lifecycle.Component;
import io.auditline.proto.v1.AuditEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code auditline bench logpush}: delivery of ~500-byte events as gzip NDJSON to S3Proxy by the real
 * Logpush role, beside Kafka's ConsumerPerformance on the same topic and the gzip-1 codec on the same
 * bytes, plus freshness under a steady trickle, all in one run:
 *
 * <pre>
 * ./auditline bench logpush [--events 2000000] [--event-bytes 500] [--event-shape varied] [--partitions 3]
 *                           [--flush-interval 5s] [--drain-max-age 60s] [--max-records 100000]
 *                           [--max-bytes 100000000]
 *                           [--codec-duration 5s] [--freshness-rate 2000] [--freshness-seconds 60]
 *                           [--poll-interval 200ms] [--drain-timeout 10m]
 * </pre>
 *
 * <ol>
 *   <li>Starts a broker, PostgreSQL and S3Proxy (children), a topic, and one enabled job of one
 *       account (default output options: NDJSON, all fields, gzip level 1) whose {@code start_at}
 *       precedes the backlog; pre-loads {@code --events} events of that account (one partition, as
 *       ingest keys by account). {@code --event-shape varied} (default) varies every field
 *       ({@link VariedEvents}, gzip-1 ratio about 4.5); {@code uniform} sends the ingest benchmark's
 *       events, identical but for their id (ratio about 25, which flatters the codec several times).
 *   <li>Baseline {@code kafka.consumer-perf}: ConsumerPerformance (child JVM) reads the backlog with
 *       the job consumer's fetch settings; its fetch rate (group join excluded) is the baseline.
 *   <li>Ceiling {@code codec.gzip1}: one object's worth of the events rendered as NDJSON by
 *       Logpush's encoder, then gzip-1 in a tight loop on one thread.
 *   <li>{@code logpush.s3.throughput}: the Logpush role starts and drains the backlog; timed until
 *       the job's delivered-records counter reaches the backlog, then every object is read back and
 *       must hold exactly the events written. Meanwhile the job's max_age is {@code --drain-max-age}
 *       and {@code --events} must be a multiple of {@code --max-records}: every object is then cut by
 *       its record count, never by the flush timer (on a slow machine a 5 s timer would cut batches
 *       short and make the last one wait, timing the timer instead of the delivery path).
 *   <li>{@code logpush.s3.freshness}: the job's max_age becomes {@code --flush-interval} (a new
 *       revision: the worker restarts from its stored positions); then {@code --freshness-rate}
 *       events/s for {@code --freshness-seconds} with ingest's producer settings; ack-to-visible
 *       latency per event.
 * </ol>
 */
@Command(
    name = "logpush",
    mixinStandardHelpOptions = true,
    description = "Logpush delivery to S3Proxy vs Kafka ConsumerPerformance and the gzip codec; freshness.")
public final class LogpushBench implements Callable<Integer> {

  /** What the events look like. */
  enum Shape { varied, uniform }

  @Option(names = "--events", defaultValue = "2000000", description = "Backlog delivered for the throughput figure (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--event-bytes", defaultValue = "500", description = "Encoded size of each event (default: ${DEFAULT-VALUE})")
  int eventBytes;

  @Option(names = "--event-shape", defaultValue = "varied", description = "varied (realistic for gzip) or uniform (ingest bench's events) (default: ${DEFAULT-VALUE})")
  Shape shape;

  @Option(names = "--partitions", defaultValue = "3", description = "Partitions of the topic (default: ${DEFAULT-VALUE})")
  int partitions;

  @Option(names = "--flush-interval", defaultValue = "5s", description = "The job's max_age (default: ${DEFAULT-VALUE})")
  String flushInterval;

  @Option(names = "--drain-max-age", defaultValue = "60s", description = "The job's max_age while the backlog drains (default: ${DEFAULT-VALUE})")
  String drainMaxAge;

  @Option(names = "--max-records", defaultValue = "100000", description = "The job's max_records (default: ${DEFAULT-VALUE})")
  int maxRecords;

  @Option(names = "--max-bytes", defaultValue = "100000000", description = "The job's max_bytes, uncompressed (default: ${DEFAULT-VALUE})")
  long maxBytes;

  @Option(names = "--codec-duration", defaultValue = "5s", description = "How long the codec ceiling loops (default: ${DEFAULT-VALUE})")
  String codecDuration;

  @Option(names = "--freshness-rate", defaultValue = "2000", description = "Events/s of the freshness trickle (default: ${DEFAULT-VALUE})")
  double freshnessRate;

  @Option(names = "--freshness-seconds", defaultValue = "60", description = "How long the trickle runs; 0 skips freshness (default: ${DEFAULT-VALUE})")
  int freshnessSeconds;

  @Option(names = "--poll-interval", defaultValue = "200ms", description = "How often the bucket is listed for freshness (default: ${DEFAULT-VALUE})")
  String pollInterval;

  @Option(names = "--drain-timeout", defaultValue = "10m", description = "Give up on the backlog after (default: ${DEFAULT-VALUE})")
  String drainTimeout;

  @Option(names = "--tracing", defaultValue = "on",
      description = "on (default sampling, OTLP export to an in-process sink, trace headers on every record), off, or "
          + "compare: after one unrecorded delivery of each, the backlog delivered off and on by turns (--compare-rounds), "
          + "a paired estimate of the cost with a 95% interval, no freshness (default: ${DEFAULT-VALUE})")
  String tracing;

  @Option(names = "--compare-rounds", defaultValue = "6",
      description = "With --tracing compare: rounds of one delivery off and one on, order alternating (default: ${DEFAULT-VALUE})")
  int compareRounds;

  /** The parameters the figures report. */
  record Params(long events, int eventBytes, Shape shape, int partitions, Duration flushInterval, int maxRecords, long maxBytes,
      Duration pollEvery) {}

  @Override
  public Integer call() throws Exception {
    require(events >= 1_000, "events: %s (expected: >= 1000)", events);
    require(partitions >= 1, "partitions: %s (expected: >= 1)", partitions);
    require(compareRounds >= 1, "compare-rounds: %s (expected: >= 1)", compareRounds);
    require(freshnessRate > 0 && freshnessSeconds >= 0, "freshness: %s (expected: rate > 0, seconds >= 0)", freshnessRate);
    Supplier<AuditEvent> source = switch (shape) {
      case varied -> {
        VariedEvents varied = new VariedEvents(eventBytes);
        yield () -> varied.event(LogpushEnvironment.ACCOUNT);
      }
      case uniform -> {
        EventFactory factory = new EventFactory(eventBytes);
        yield () -> factory.event(LogpushEnvironment.ACCOUNT);
      }
    };
    Params params = new Params(events, eventBytes, shape, partitions, Durations.parse(flushInterval), maxRecords, maxBytes,
        Durations.parse(pollInterval));
    Duration drainAge = Durations.parse(drainMaxAge);
    new BatchLimits(params.flushInterval(), maxRecords, maxBytes); // the jobs API's own limits
    new BatchLimits(drainAge, maxRecords, maxBytes);
    require(events % maxRecords == 0, "events: %s (expected: a multiple of max-records, so no object waits for the timer)",
        events);
    LogpushReport report = new LogpushReport(params);
    List<BenchTracing> tracings = BenchTracing.parse(tracing);
    try (LogpushEnvironment env = LogpushEnvironment.start(partitions); OtlpSink sink = new OtlpSink()) {
      System.err.printf("bench: broker %s, S3Proxy %s, data %s, tracing %s%n", env.bootstrapServers(), env.s3().endpoint(),
          env.dataDir(), tracings);
      Map<BenchTracing, String> topics = new EnumMap<>(BenchTracing.class);
      Map<BenchTracing, Preloader.Result> loads = new EnumMap<>(BenchTracing.class);
      Preloader.Result load = null;
      for (BenchTracing t : tracings) {
        // With tracing on, records carry trace context as ingest writes it; off, none (ingest writes none).
        String topic = t == BenchTracing.on && tracings.size() == 2 ? LogpushEnvironment.TRACED_TOPIC : LogpushEnvironment.TOPIC;
        double ratio = t == BenchTracing.on ? AuditlineConfig.Tracing.DEFAULT_SAMPLE_RATIO : -1;
        load = new Preloader(env.bootstrapServers(), source, topic, ratio).load(events, (int) Math.min(events, maxRecords));
        progress("pre-load " + topic, load.eventsPerSecond(), "events/s", load.elapsed());
        topics.put(t, topic);
        loads.put(t, load);
      }
      ConsumerPerfBaseline.Summary kafka =
          new ConsumerPerfBaseline(env.bootstrapServers(), topics.get(tracings.getFirst()), env.dataDir()).run(events);
      progress("kafka.consumer-perf", kafka.fetchRecordsPerSecond(), "records/s", Duration.ofMillis(kafka.fetchMillis()));
      CodecCeiling.Result codec = new CodecCeiling().run(load.sample(), Durations.parse(codecDuration));
      progress("codec.gzip1", codec.gzipEventsPerSecond(), "events/s", Durations.parse(codecDuration));

      if (tracings.size() == 2) {
        compare(env, sink, topics, loads, kafka, codec, drainAge, report);
        System.err.printf("bench: the stand-in collector received %,d OTLP export requests, %,d bytes%n", sink.requests(),
            sink.bytes());
        report.printSummary();
        return 0;
      }
      UUID job = env.insertJob(drainAge, maxRecords, maxBytes, Instant.now().minusSeconds(60));
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      LogpushRole role = LogpushRole.create(env.database().dataSource(), settings(), env.bootstrapServers(),
          topics.get(tracings.getFirst()), registry, tracings.getFirst().sdk(sink));
      BucketReader bucket = new BucketReader(env.s3().client(), LogpushEnvironment.BUCKET, "bench/");
      try {
        DeliveryRun.Result drained = new DeliveryRun(role, registry, job).drain(events, Durations.parse(drainTimeout));
        progress("logpush.s3.throughput", drained.eventsPerSecond(), "events/s", drained.elapsed());
        DeliveryRun.Result run = DeliveryRun.verify(drained, bucket, load.ids());
        report.throughput(load, kafka, codec, run, drainAge);
        if (freshnessSeconds > 0) {
          switchMaxAge(env, job, params.flushInterval());
          FreshnessProbe.Result fresh = new FreshnessProbe(env.bootstrapServers(), source, bucket, params.pollEvery())
              .run(freshnessRate, Duration.ofSeconds(freshnessSeconds), params.flushInterval().plusSeconds(30));
          progress("logpush.s3.freshness", fresh.ms(99), "ms p99", fresh.produceFor());
          report.freshness(fresh);
        }
      } finally {
        for (Component component : role.components().reversed()) {
          component.close();
        }
      }
    }
    report.printSummary();
    return 0;
  }

  private static LogpushSettings settings() {
    return new LogpushSettings(Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofSeconds(60),
        List.of("127.0.0.0/8"), false, false);
  }

  /**
   * After one unrecorded delivery with each setting (JIT, page cache), the backlog delivered
   * {@code --compare-rounds} times with tracing off and as often with it on, by turns (off, on, on,
   * off, ...): each delivery is a new job with its own key prefix and a new role. Off reads the plain
   * backlog, on its traced copy: the same number of events drawn from the same generator, checked
   * against the ids written to that topic.
   */
  private void compare(LogpushEnvironment env, OtlpSink sink, Map<BenchTracing, String> topics,
      Map<BenchTracing, Preloader.Result> loads,
      ConsumerPerfBaseline.Summary kafka, CodecCeiling.Result codec, Duration drainAge, LogpushReport report) throws Exception {
    for (BenchTracing t : List.of(BenchTracing.off, BenchTracing.on)) {
      DeliveryRun.Result warm = deliver(env, sink, topics, loads, drainAge, t, "warm-" + t + "/");
      progress("warm-up[tracing=" + t + "]", warm.eventsPerSecond(), "events/s (not counted)", warm.elapsed());
    }
    Map<BenchTracing, List<DeliveryRun.Result>> runs = new EnumMap<>(BenchTracing.class);
    runs.put(BenchTracing.off, new ArrayList<>());
    runs.put(BenchTracing.on, new ArrayList<>());
    for (int round = 1; round <= compareRounds; round++) {
      List<BenchTracing> order = round % 2 == 1 ? List.of(BenchTracing.off, BenchTracing.on) : List.of(BenchTracing.on, BenchTracing.off);
      for (BenchTracing t : order) {
        DeliveryRun.Result run = deliver(env, sink, topics, loads, drainAge, t, "bench-" + t + "-" + round + "/");
        progress("round " + round + " logpush[tracing=" + t + "]", run.eventsPerSecond(), "events/s", run.elapsed());
        runs.get(t).add(run);
      }
    }
    report.throughput(loads.get(BenchTracing.on), kafka, codec, runs.get(BenchTracing.on).getLast(), drainAge);
    report.overhead(runs.get(BenchTracing.off), runs.get(BenchTracing.on));
  }

  /** Delivers the backlog of {@code t}'s topic once, under {@code prefix}, and checks every object against the ids written. */
  private DeliveryRun.Result deliver(LogpushEnvironment env, OtlpSink sink, Map<BenchTracing, String> topics,
      Map<BenchTracing, Preloader.Result> loads, Duration drainAge, BenchTracing t, String prefix) throws Exception {
    UUID job = env.insertJob(drainAge, maxRecords, maxBytes, Instant.now().minus(Duration.ofHours(1)), prefix + "{DATE}");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LogpushRole role = LogpushRole.create(env.database().dataSource(), settings(), env.bootstrapServers(), topics.get(t),
        registry, t.sdk(sink));
    try {
      DeliveryRun.Result drained = new DeliveryRun(role, registry, job).drain(events, Durations.parse(drainTimeout));
      return DeliveryRun.verify(drained, new BucketReader(env.s3().client(), LogpushEnvironment.BUCKET, prefix), loads.get(t).ids());
    } finally {
      for (Component component : role.components().reversed()) {
        component.close();
      }
      env.disableJob(job);
    }
  }

  /** Sets the job's max_age and returns once a new worker took the job's lease (plus 2 s to seek and poll). */
  private static void switchMaxAge(LogpushEnvironment env, UUID job, Duration maxAge) throws Exception {
    long epoch = env.leaseEpoch(job);
    env.setMaxAge(job, maxAge);
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (env.leaseEpoch(job) <= epoch) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the job's worker did not restart within 60 s after its max_age changed");
      }
      Thread.sleep(100);
    }
    Thread.sleep(2_000);
  }

  private static void progress(String what, double value, String unit, Duration over) {
    System.err.printf("bench: %-22s %,12.0f %s over %.1f s%n", what, value, unit, over.toMillis() / 1000.0);
  }

  private static void require(boolean condition, String format, Object value) {
    if (!condition) {
      throw new IllegalArgumentException(format.formatted(value));
    }
  }
}
