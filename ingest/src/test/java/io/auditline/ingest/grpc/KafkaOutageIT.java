package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.auditline.embedded.kafka.EmbeddedKafka;
import io.auditline.embedded.kafka.EmbeddedKafkaConfig;
import io.auditline.ingest.testing.Events;
import io.auditline.ingest.testing.IngestHarness;
import io.auditline.ingest.testing.Topics;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import io.auditline.testkit.tls.TestPki;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** With the broker down nothing is acknowledged; after it returns, the same batch goes through once. */
class KafkaOutageIT {

  @Test
  void rpcsFailWithUnavailableWhileKafkaIsDownAndTheRetryWritesEachEventOnce() throws Exception {
    EmbeddedKafka broker = new EmbeddedKafka(EmbeddedKafkaConfig.defaults(Files.createTempDirectory("outage-kafka")));
    broker.start();
    try (IngestHarness ingest =
        IngestHarness.start(broker.bootstrapServers(), "audit.events.v1", IngestHarness.PRODUCERS, c -> c)) {
      IngestServiceBlockingStub billing = ingest.stub(TestPki.client(TestPki.BILLING));
      List<AuditEvent> before = batch();
      assertThat(billing.ingest(request(before)).getAcceptedCount()).isEqualTo(3);
      await().atMost(Duration.ofSeconds(30)).until(() -> ingest.lifecycle().readiness().ok());

      broker.kill();
      List<AuditEvent> during = batch();
      assertThatThrownBy(() -> billing.ingest(request(during)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(e.getStatus().getDescription()).contains("Kafka did not acknowledge 3 of 3 events");
          });
      await().atMost(Duration.ofSeconds(30)).until(() -> !ingest.lifecycle().readiness().ok());
      assertThat(ingest.lifecycle().readiness().components().get("kafka").isHealthy()).isFalse();

      broker.start();
      await().atMost(Duration.ofSeconds(120)).until(() -> ingest.lifecycle().readiness().ok());
      await()
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptionsInstanceOf(StatusRuntimeException.class)
          .until(() -> billing.ingest(request(during)).getAcceptedCount() == 3);

      List<String> ids = Topics.ids(Topics.records(broker.bootstrapServers(), "audit.events.v1", 6));
      assertThat(ids).hasSize(6);
      for (AuditEvent event : before) {
        assertThat(ids).containsOnlyOnce(event.getId());
      }
      for (AuditEvent event : during) {
        assertThat(ids).containsOnlyOnce(event.getId());
      }
    } finally {
      broker.close();
    }
  }

  private static List<AuditEvent> batch() {
    return IntStream.range(0, 3).mapToObj(i -> Events.valid().build()).toList();
  }

  private static IngestRequest request(List<AuditEvent> events) {
    return IngestRequest.newBuilder().addAllEvents(events).build();
  }
}
