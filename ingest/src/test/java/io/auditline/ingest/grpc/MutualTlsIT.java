package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.ErrorInfo;
import io.auditline.ingest.testing.Events;
import io.auditline.ingest.testing.IngestHarness;
import io.auditline.ingest.testing.Statuses;
import io.auditline.platform.tls.IssuedCertificate;
import io.auditline.platform.tls.TlsFiles;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.tls.TestPki;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Only producers with a certificate from the trusted CA, valid now and listed, may ingest. */
class MutualTlsIT {

  private static IngestHarness ingest;

  @BeforeAll
  static void start() {
    ingest =
        IngestHarness.start(
            SharedKafka.bootstrapServers(), KafkaTestSupport.uniqueTopicName("mtls-it"), IngestHarness.PRODUCERS, c -> c);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    ingest.close();
  }

  private static IngestRequest one() {
    return IngestRequest.newBuilder().addEvents(Events.valid()).build();
  }

  @Test
  void acceptsAProducerIdentifiedBySpiffeId() {
    assertThat(ingest.stub(TestPki.client(TestPki.BILLING)).ingest(one()).getAcceptedCount()).isEqualTo(1);
  }

  @Test
  void acceptsAProducerIdentifiedByCommonName() {
    assertThat(ingest.stub(TestPki.client(TestPki.ORDERS)).ingest(one()).getAcceptedCount()).isEqualTo(1);
  }

  @Test
  void refusesAClientWithoutACertificate() {
    assertRefusedAtHandshake(null);
  }

  @Test
  void refusesACertificateFromAnotherCa() {
    assertRefusedAtHandshake(TestPki.foreignClient());
  }

  @Test
  void refusesAnExpiredCertificate() {
    assertRefusedAtHandshake(TestPki.expiredClient());
  }

  @Test
  void deniesAValidCertificateWhoseIdentityIsNotInTheProducersFile() throws Exception {
    Path dir = Files.createTempDirectory("stranger");
    IssuedCertificate stranger =
        TestPki.ca().issueClient("stranger-service", Optional.empty(), Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)));
    stranger.writePem(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    TlsFiles files = new TlsFiles(dir.resolve("cert.pem"), dir.resolve("key.pem"), TestPki.caCertificate());

    assertThatThrownBy(() -> ingest.stub(files).ingest(one()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(e.getStatus().getDescription()).contains("stranger-service").contains("not in the producers file");
          assertThat(Statuses.detail(e, ErrorInfo.class).orElseThrow().getReason()).isEqualTo("UNKNOWN_PRODUCER");
        });
  }

  private static void assertRefusedAtHandshake(TlsFiles client) {
    assertThatThrownBy(() -> ingest.stub(client).ingest(one()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
            // The server aborts the TLS handshake, so the call never reaches the service.
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
  }
}
