package io.auditline.embedded.kafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

/** Waits, bounded, until a freshly started broker answers {@code describeCluster}. */
final class Readiness {

  private static final long POLL_MILLIS = 100;

  private final EmbeddedKafkaConfig config;
  private final Process process;
  private final String bootstrap;
  private final Path brokerLog;
  private final long deadlineNanos;
  private String lastError = "none";

  Readiness(EmbeddedKafkaConfig config, Process process, String bootstrap, Path brokerLog) {
    this.config = config;
    this.process = process;
    this.bootstrap = bootstrap;
    this.brokerLog = brokerLog;
    this.deadlineNanos = System.nanoTime() + config.startTimeout().toNanos();
  }

  /** Returns once the broker serves clients; throws with the log tail if it exits or times out. */
  void await() throws InterruptedException {
    // Wait for the socket first: an admin client pointed at a closed port logs a warning per retry.
    while (!acceptsConnections()) {
      pause();
    }
    try (Admin admin = Admin.create(adminConfig())) {
      while (!describesCluster(admin)) {
        pause();
      }
    }
  }

  private boolean acceptsConnections() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(config.host(), portOf(bootstrap)), 1_000);
      return true;
    } catch (IOException e) {
      lastError = "connect: " + e.getMessage();
      return false;
    }
  }

  private boolean describesCluster(Admin admin) throws InterruptedException {
    int timeoutMs = (int) Math.max(1, Math.min(5_000, remainingMillis()));
    try {
      Collection<Node> nodes =
          admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes().get();
      if (nodes.isEmpty()) {
        lastError = "describeCluster returned no nodes";
        return false;
      }
      return true;
    } catch (ExecutionException e) {
      lastError = "describeCluster: " + e.getCause();
      return false;
    }
  }

  // Waiting on the process doubles as the poll interval and notices an exit at once.
  private void pause() throws InterruptedException {
    if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException(
          "embedded Kafka exited with code " + process.exitValue() + " while starting at "
              + bootstrap + "\n" + BrokerLayout.tail(brokerLog, 40));
    }
    if (remainingMillis() <= 0) {
      throw new IllegalStateException(
          "embedded Kafka did not become ready at " + bootstrap + " within "
              + config.startTimeout() + " (last error: " + lastError + ")\n"
              + BrokerLayout.tail(brokerLog, 40));
    }
  }

  private long remainingMillis() {
    return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
  }

  private Map<String, Object> adminConfig() {
    return Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
        AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 100,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
  }

  private static int portOf(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }
}
