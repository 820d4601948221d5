package io.auditline.bench.ingest;

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
import org.apache.kafka.tools.ProducerPerformance;

/**
 * The baseline: Kafka's own {@link ProducerPerformance} writing records of the events' size to the
 * same broker with the producer settings ingest uses, in a child JVM (the tool may call {@code
 * System.exit}).
 */
final class ProducerPerfBaseline {

  /** The tool's final summary line. */
  record Summary(long records, double recordsPerSecond, double avgMillis, double p50Millis, double p99Millis) {}

  /** The settings of ingest's own producer (KafkaEventLog), so only the path in front of Kafka differs. */
  static final Map<String, String> INGEST_PRODUCER_PROPS =
      Map.of(
          "acks", "all",
          "enable.idempotence", "true",
          "linger.ms", Integer.toString(io.auditline.ingest.kafka.KafkaEventLog.LINGER_MS),
          "compression.type", "lz4",
          "batch.size", "262144",
          "max.in.flight.requests.per.connection", "5");

  private static final Pattern SUMMARY =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\([\\d.]+ MB/sec\\), ([\\d.]+) ms avg latency, "
              + "[\\d.]+ ms max latency, (\\d+) ms 50th, \\d+ ms 95th, (\\d+) ms 99th");

  private final String bootstrapServers;
  private final String topic;
  private final Path workDir;

  ProducerPerfBaseline(String bootstrapServers, String topic, Path workDir) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.workDir = workDir;
  }

  /** Sends {@code records} records of {@code recordBytes} as fast as acknowledgements allow. */
  Summary run(long records, int recordBytes) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Dlogback.configurationFile=" + BenchMain.LOGBACK_CONFIG);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ProducerPerformance.class.getName());
    command.addAll(List.of("--topic", topic, "--num-records", Long.toString(records)));
    command.addAll(List.of("--record-size", Integer.toString(recordBytes), "--throughput", "-1"));
    command.add("--producer-props");
    command.add("bootstrap.servers=" + bootstrapServers);
    INGEST_PRODUCER_PROPS.forEach((key, value) -> command.add(key + "=" + value));
    Path output = workDir.resolve("producer-perf.out");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("ProducerPerformance did not finish within 10 minutes");
    }
    String text = Files.readString(output);
    Matcher summary = text.lines().map(SUMMARY::matcher).filter(Matcher::find).reduce((a, b) -> b).orElse(null);
    if (process.exitValue() != 0 || summary == null) {
      throw new IllegalStateException(
          "ProducerPerformance failed (exit " + process.exitValue() + "): " + tail(text));
    }
    return new Summary(
        Long.parseLong(summary.group(1)),
        Double.parseDouble(summary.group(2)),
        Double.parseDouble(summary.group(3)),
        Double.parseDouble(summary.group(4)),
        Double.parseDouble(summary.group(5)));
  }

  private static String tail(String text) {
    return text.lines().skip(Math.max(0, text.lines().count() - 20)).collect(Collectors.joining("\n"));
  }
}
