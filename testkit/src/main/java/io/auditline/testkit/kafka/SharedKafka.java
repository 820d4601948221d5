package io.auditline.testkit.kafka;

import io.auditline.testkit.TempDirs;
import io.auditline.embedded.kafka.EmbeddedKafka;
import io.auditline.embedded.kafka.EmbeddedKafkaConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real Kafka broker per test JVM, started on first use in a temporary directory and removed
 * when the JVM exits.
 *
 * <p>Safe to call from any number of test classes and threads. Tests must not stop this broker;
 * a test that needs to stop, kill or restart Kafka starts its own {@link EmbeddedKafka}.
 */
public final class SharedKafka {

  private static EmbeddedKafka broker;
  private static RuntimeException failure;

  private SharedKafka() {}

  /** The shared broker's {@code host:port}, starting it if this is the first call. */
  public static synchronized String bootstrapServers() {
    if (failure != null) {
      throw new IllegalStateException("the shared Kafka broker failed to start earlier", failure);
    }
    if (broker == null) {
      try {
        broker = start();
      } catch (Exception e) {
        failure = new IllegalStateException("the shared Kafka broker failed to start", e);
        throw failure;
      }
    }
    return broker.bootstrapServers();
  }

  private static EmbeddedKafka start() throws Exception {
    Path dataDir = Files.createTempDirectory("auditline-kafka-");
    // CI machines are slow and busy; a test JVM would rather wait than fail spuriously.
    EmbeddedKafkaConfig config =
        EmbeddedKafkaConfig.defaults(dataDir).withStartTimeout(Duration.ofSeconds(120));
    EmbeddedKafka kafka = new EmbeddedKafka(config);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> discard(kafka, dataDir), "shared-kafka-cleanup"));
    kafka.start();
    return kafka;
  }

  // The data is thrown away, so there is nothing to gain from a graceful shutdown.
  private static void discard(EmbeddedKafka kafka, Path dataDir) {
    try {
      kafka.kill();
      TempDirs.deleteRecursively(dataDir);
    } catch (IOException e) {
      System.err.println("shared Kafka cleanup of " + dataDir + " failed: " + e);
    }
  }
}
