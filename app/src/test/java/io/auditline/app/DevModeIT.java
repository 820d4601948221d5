package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.app.cli.SendCommand;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.auditline.platform.tls.GrpcTls;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a new user does after `./auditline dev`: send an event with the demo certificate and see it land. */
class DevModeIT {

  private static DevServer dev;

  @BeforeAll
  static void start() throws Exception {
    dev = new DevServer();
  }

  @AfterAll
  static void stop() {
    dev.close();
  }

  @Test
  void sendWithTheDemoCertificateIsAcceptedAndLandsOnTheTopic() throws Exception {
    String account = "acct-" + System.nanoTime();
    String out = Cli.run(new SendCommand(), 0, "--dev-json", dev.devJson.toString(), "--account", account, "--count", "3");

    assertThat(out.lines().filter(l -> l.startsWith("accepted"))).hasSize(3);
    List<AuditEvent> mine =
        KafkaTestSupport.readAll(SharedKafka.bootstrapServers(), "audit.events.v1", 3, Duration.ofSeconds(30)).stream()
            .map(r -> parse(r.value()))
            .filter(e -> e.getAccountId().equals(account))
            .toList();
    assertThat(mine).hasSize(3);
    assertThat(dev.http("/metrics")).contains("auditline_ingest_events_total").contains("outcome=\"accepted\"");
  }

  @Test
  void sendOfAnInvalidEventPrintsTheFieldAndRuleAndFails() throws Exception {
    String out = Cli.run(new SendCommand(), 1, "--dev-json", dev.devJson.toString(), "--invalid");

    assertThat(out).contains("rejected").contains("actor.email").contains("string.email");
  }

  @Test
  void healthEndpointsAndGrpcHealthReportServing() throws Exception {
    assertThat(dev.http("/healthz/live")).startsWith("200");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> dev.http("/healthz/ready").startsWith("200"));
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("localhost", dev.grpcPort()).sslContext(GrpcTls.clientContext(dev.pki.producer())).build();
    try {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(
                  HealthGrpc.newBlockingStub(channel)
                      .check(HealthCheckRequest.newBuilder().setService(IngestServiceGrpc.SERVICE_NAME).build())
                      .getStatus())
              .isEqualTo(HealthCheckResponse.ServingStatus.SERVING));
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void devPkiIsReusedOnRestart() throws Exception {
    byte[] ca = java.nio.file.Files.readAllBytes(dev.pki.caCert());
    io.auditline.app.dev.DevPki again = io.auditline.app.dev.DevPki.ensure(dev.data.resolve("tls"));
    assertThat(java.nio.file.Files.readAllBytes(again.caCert())).isEqualTo(ca);
  }

  private static AuditEvent parse(byte[] bytes) {
    try {
      return AuditEvent.parseFrom(bytes);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
