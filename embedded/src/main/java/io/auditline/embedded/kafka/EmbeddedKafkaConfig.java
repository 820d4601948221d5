package io.auditline.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a single-node embedded Kafka broker.
 *
 * @param dataDir where the broker keeps its logs, generated config and persisted ports; reused
 *     across restarts so data survives
 * @param host the address the broker binds to and advertises
 * @param port the client listener port, or {@link #ANY_PORT} to pick a free one on first start
 * @param controllerPort the KRaft controller port, or {@link #ANY_PORT}
 * @param defaultPartitions {@code num.partitions} for topics created without a partition count
 * @param maxHeapMb the child JVM's {@code -Xmx} in MiB
 * @param startTimeout how long {@code start()} waits for the broker to answer
 * @param stopTimeout how long {@code close()} waits for a graceful shutdown before killing
 */
public record EmbeddedKafkaConfig(
    Path dataDir,
    String host,
    int port,
    int controllerPort,
    int defaultPartitions,
    int maxHeapMb,
    Duration startTimeout,
    Duration stopTimeout) {

  /** Port value meaning "pick a free port on first start and keep it for this data dir". */
  public static final int ANY_PORT = 0;

  public EmbeddedKafkaConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    dataDir = dataDir.toAbsolutePath().normalize();
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host: '" + host + "' (expected: a host name or address)");
    }
    checkPort("port", port);
    checkPort("controllerPort", controllerPort);
    if (port != ANY_PORT && port == controllerPort) {
      throw new IllegalArgumentException(
          "controllerPort: " + controllerPort + " (expected: different from port " + port + ")");
    }
    if (defaultPartitions < 1) {
      throw new IllegalArgumentException(
          "defaultPartitions: " + defaultPartitions + " (expected: >= 1)");
    }
    if (maxHeapMb < 128) {
      throw new IllegalArgumentException("maxHeapMb: " + maxHeapMb + " (expected: >= 128)");
    }
    checkPositive("startTimeout", startTimeout);
    checkPositive("stopTimeout", stopTimeout);
  }

  /** A broker on 127.0.0.1 with free ports, 3 partitions per topic, 512 MiB heap. */
  public static EmbeddedKafkaConfig defaults(Path dataDir) {
    return new EmbeddedKafkaConfig(
        dataDir,
        "127.0.0.1",
        ANY_PORT,
        ANY_PORT,
        3,
        512,
        Duration.ofSeconds(60),
        Duration.ofSeconds(30));
  }

  public EmbeddedKafkaConfig withPort(int newPort) {
    return new EmbeddedKafkaConfig(
        dataDir, host, newPort, controllerPort, defaultPartitions, maxHeapMb, startTimeout,
        stopTimeout);
  }

  public EmbeddedKafkaConfig withDefaultPartitions(int partitions) {
    return new EmbeddedKafkaConfig(
        dataDir, host, port, controllerPort, partitions, maxHeapMb, startTimeout, stopTimeout);
  }

  public EmbeddedKafkaConfig withStartTimeout(Duration timeout) {
    return new EmbeddedKafkaConfig(
        dataDir, host, port, controllerPort, defaultPartitions, maxHeapMb, timeout, stopTimeout);
  }

  private static void checkPort(String name, int value) {
    if (value < 0 || value > 65_535) {
      throw new IllegalArgumentException(
          name + ": " + value + " (expected: 0 for any free port, or 1-65535)");
    }
  }

  private static void checkPositive(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
  }
}
