package io.auditline.platform.startup;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Reaches a Kafka cluster by describing it with an admin client kept across attempts. */
public final class KafkaProbe implements Dependency.Probe {

  private final String bootstrapServers;
  private Admin admin;

  public KafkaProbe(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** Kafka at {@code bootstrapServers}, as a start-up dependency. */
  public static Dependency dependency(String bootstrapServers) {
    return new Dependency("Kafka", bootstrapServers, new KafkaProbe(bootstrapServers));
  }

  @Override
  public void probe(Duration timeout) throws Exception {
    int timeoutMs = (int) timeout.toMillis();
    if (admin == null) {
      // Throws at once when no bootstrap address resolves; the next attempt tries again.
      admin = Admin.create(Map.of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
          AdminClientConfig.CLIENT_ID_CONFIG, "auditline-startup-probe",
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
          AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs));
    }
    try {
      int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs))
          .nodes().get(timeoutMs + 1_000L, TimeUnit.MILLISECONDS).size();
      if (brokers == 0) {
        throw new IllegalStateException("the cluster reports no brokers");
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @Override
  public void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
      admin = null;
    }
  }
}
