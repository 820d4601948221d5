package io.auditline.embedded.kafka;

import io.auditline.embedded.FreePorts;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The parts of a broker that must stay the same across restarts of one data dir: the cluster id
 * (baked into the formatted log dir) and the ports (so clients keep one bootstrap address).
 */
record BrokerIdentity(String clusterId, int port, int controllerPort) {

  static final String FILE_NAME = "embedded-kafka.properties";

  BrokerIdentity {
    if (clusterId == null || clusterId.isBlank()) {
      throw new IllegalArgumentException("clusterId: '" + clusterId + "' (expected: non-blank)");
    }
    if (port < 1 || controllerPort < 1 || port == controllerPort) {
      throw new IllegalArgumentException(
          "ports: " + port + "/" + controllerPort + " (expected: two distinct ports > 0)");
    }
  }

  /**
   * Loads the identity persisted in the data dir, applies explicit ports from the config, picks
   * free ports for the rest and persists the result.
   */
  static BrokerIdentity resolve(EmbeddedKafkaConfig config) {
    Path file = config.dataDir().resolve(FILE_NAME);
    Properties saved = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file)) {
        saved.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    String clusterId = saved.getProperty("cluster.id", Uuid.randomUuid().toString());
    int port = choose(config.port(), saved.getProperty("port"), config.host(), -1);
    int controllerPort =
        choose(config.controllerPort(), saved.getProperty("controller.port"), config.host(), port);
    BrokerIdentity identity = new BrokerIdentity(clusterId, port, controllerPort);
    identity.save(file);
    return identity;
  }

  private static int choose(int configured, String saved, String host, int avoid) {
    if (configured != EmbeddedKafkaConfig.ANY_PORT) {
      return configured;
    }
    if (saved != null) {
      return Integer.parseInt(saved.trim());
    }
    int port;
    do {
      port = FreePorts.pick(host);
    } while (port == avoid);
    return port;
  }


  private void save(Path file) {
    Properties props = new Properties();
    props.setProperty("cluster.id", clusterId);
    props.setProperty("port", Integer.toString(port));
    props.setProperty("controller.port", Integer.toString(controllerPort));
    try (Writer out = Files.newBufferedWriter(file)) {
      props.store(out, "Embedded Kafka identity; keep it to keep the cluster id and ports");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
