package io.auditline.bench.logpush;

import io.auditline.bench.BenchMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.tools.ConsumerPerformance;

/**
 * Baseline A: Kafka's own {@link ConsumerPerformance} reading the pre-loaded topic, in a child JVM
 * (the tool may call {@code System.exit}), with the fetch settings each Logpush job's consumer uses.
 */
final class ConsumerPerfBaseline {

  /**
   * The tool's summary line.
   *
   * @param recordsPerSecond over the whole run, including joining the consumer group
   * @param fetchRecordsPerSecond over the fetch time only (the group join excluded)
   */
  record Summary(long records, double megabytes, double recordsPerSecond, long rebalanceMillis, long fetchMillis,
      double fetchMegabytesPerSecond, double fetchRecordsPerSecond) {}

  /** The consumer settings a Logpush job adds to {@code bootstrap.servers} (DeliveryEngine.consumer). */
  static final Map<String, String> LOGPUSH_CONSUMER_PROPS =
      Map.of("max.poll.records", "5000", "max.partition.fetch.bytes", Integer.toString(4 * 1024 * 1024));

  // start.time, end.time, MB, MB/s, records, records/s, rebalance.time.ms, fetch.time.ms, fetch MB/s, fetch records/s
  private static final Pattern SUMMARY = Pattern.compile(
      "^[^,]+, [^,]+, ([\\d.]+), [\\d.]+, (\\d+), ([\\d.]+), (-?\\d+), (\\d+), ([\\d.]+), ([\\d.]+)\\s*$");

  private final String bootstrapServers;
  private final String topic;
  private final Path workDir;

  ConsumerPerfBaseline(String bootstrapServers, String topic, Path workDir) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.workDir = workDir;
  }

  /** Reads {@code records} records from the start of the topic as fast as the broker serves them. */
  Summary run(long records) throws IOException, InterruptedException {
    Path config = workDir.resolve("consumer-perf.properties");
    Files.writeString(config, LOGPUSH_CONSUMER_PROPS.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Dlogback.configurationFile=" + BenchMain.LOGBACK_CONFIG);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ConsumerPerformance.class.getName());
    command.addAll(List.of("--bootstrap-server", bootstrapServers, "--topic", topic));
    command.addAll(List.of("--messages", Long.toString(records), "--timeout", "60000"));
    command.addAll(List.of("--group", "bench-consumer-perf-" + System.nanoTime(), "--consumer.config", config.toString()));
    Path output = workDir.resolve("consumer-perf.out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("ConsumerPerformance did not finish within 10 minutes");
    }
    String text = Files.readString(output);
    Matcher m = text.lines().map(SUMMARY::matcher).filter(Matcher::find).reduce((a, b) -> b).orElse(null);
    if (process.exitValue() != 0 || m == null || Long.parseLong(m.group(2)) < records) {
      throw new IllegalStateException("ConsumerPerformance failed (exit " + process.exitValue() + "): " + tail(text));
    }
    return new Summary(Long.parseLong(m.group(2)), Double.parseDouble(m.group(1)), Double.parseDouble(m.group(3)),
        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Double.parseDouble(m.group(6)),
        Double.parseDouble(m.group(7)));
  }

  private static String tail(String text) {
    return text.lines().skip(Math.max(0, text.lines().count() - 20)).collect(Collectors.joining("\n"));
  }
}
