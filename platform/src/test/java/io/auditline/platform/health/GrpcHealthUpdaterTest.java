package io.auditline.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.platform.lifecycle.Health;
import io.auditline.platform.lifecycle.HealthReport;
import io.auditline.platform.lifecycle.HealthSource;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrpcHealthUpdaterTest {

  static final String INGEST = "auditline.v1.IngestService";

  volatile boolean ready = true;
  final HealthSource health = new HealthSource() {
    @Override public HealthReport liveness() {
      return new HealthReport(true, "RUNNING", Map.of());
    }
    @Override public HealthReport readiness() {
      return new HealthReport(ready, "RUNNING",
          Map.of("kafka", ready ? Health.healthy() : Health.unhealthy("down")));
    }
  };
  final HealthStatusManager manager = new HealthStatusManager();
  final GrpcHealthUpdater updater =
      new GrpcHealthUpdater(manager, health, List.of(INGEST), Duration.ofMillis(50));
  Server server;
  ManagedChannel channel;

  @BeforeEach
  void setUp() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).addService(manager.getHealthService()).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    updater.close();
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private ServingStatus status(String service) {
    return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
        .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
  }

  @Test
  void followsReadinessForServerAndNamedServices() throws Exception {
    updater.start();
    assertThat(status("")).isEqualTo(ServingStatus.SERVING);
    assertThat(status(INGEST)).isEqualTo(ServingStatus.SERVING);

    ready = false;

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(status("")).isEqualTo(ServingStatus.NOT_SERVING);
      assertThat(status(INGEST)).isEqualTo(ServingStatus.NOT_SERVING);
    });
    assertThat(updater.liveness().isHealthy()).isTrue();
  }

  @Test
  void goesNotServingForGoodOnClose() throws Exception {
    updater.start();

    updater.close();
    updater.refresh();

    assertThat(status("")).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(status(INGEST)).isEqualTo(ServingStatus.NOT_SERVING);
    assertThat(updater.gatesReadiness()).isFalse();
  }
}
