package io.auditline.ingest.kafka;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Probes the Kafka cluster in the background so readiness can say whether Kafka is reachable without
 * blocking the health endpoint.
 */
public final class KafkaReachability implements Component {

  private final String bootstrapServers;
  private final Duration interval;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("kafka-reachability").unstarted(r));
  private volatile Admin admin;
  private volatile Health last = Health.unhealthy("kafka not probed yet");

  public KafkaReachability(String bootstrapServers, Duration interval) {
    this.bootstrapServers = bootstrapServers;
    this.interval = interval;
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public void start() {
    int timeoutMs = (int) Math.max(1_000, interval.toMillis());
    admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs));
    probe();
    scheduler.scheduleWithFixedDelay(this::probe, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void probe() {
    try {
      int nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.max(1_000, interval.toMillis())))
              .nodes()
              .get()
              .size();
      last = nodes > 0 ? Health.healthy() : Health.unhealthy("kafka cluster reports no brokers");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      last = Health.unhealthy("kafka at " + bootstrapServers + " unreachable: " + cause.getMessage());
    }
  }

  @Override
  public Health check() {
    return last;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    Admin a = admin;
    if (a != null) {
      a.close(Duration.ofSeconds(2));
    }
  }
}
