package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.auditline.ingest.auth.ProducerRegistry;
import io.auditline.ingest.kafka.KafkaEventLog;
import io.auditline.ingest.testing.IngestHarness;
import io.auditline.ingest.testing.SecurityEvents;
import io.auditline.ingest.testing.Statuses;
import io.auditline.ingest.testing.Topics;
import io.auditline.proto.v1.IngestSecurityEventsRequest;
import io.auditline.proto.v1.IngestSecurityEventsResponse;
import io.auditline.proto.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import io.auditline.proto.v1.Outcome;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.tls.TestPki;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** IngestSecurityEvents against a real broker over real mTLS. */
class SecurityEventsIT {

  /** orders-service may send security events for any account; billing only audit events. */
  private static final String PRODUCERS =
      """
      producers:
        - identity: spiffe://auditline.test/producer/billing
          accounts: ["acct-1", "acct-2"]
          actionTypes: ["*"]
        - identity: orders-service
          accounts: ["*"]
          actionTypes: ["*"]
          securityEvents: true
      """;

  private static IngestHarness ingest;
  private static IngestServiceBlockingStub edge;
  private static IngestServiceBlockingStub billing;
  private static String bootstrap;

  @BeforeAll
  static void start() {
    bootstrap = SharedKafka.bootstrapServers();
    ingest = IngestHarness.start(bootstrap, KafkaTestSupport.uniqueTopicName("security-it"), PRODUCERS, c -> c);
    edge = ingest.stub(TestPki.client(TestPki.ORDERS));
    billing = ingest.stub(TestPki.client(TestPki.BILLING));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    ingest.close();
  }

  private static IngestSecurityEventsRequest batch(SecurityEvent... events) {
    return IngestSecurityEventsRequest.newBuilder().addAllEvents(List.of(events)).build();
  }

  private static SecurityEvent event(ConsumerRecord<byte[], byte[]> record) {
    try {
      return SecurityEvent.parseFrom(record.value());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError("record at offset " + record.offset() + " is not a SecurityEvent", e);
    }
  }

  /** Writes a marker event and returns everything on the security topic up to and including it. */
  private static List<ConsumerRecord<byte[], byte[]>> everythingUpToAMarker() {
    SecurityEvent marker = SecurityEvents.valid().build();
    edge.ingestSecurityEvents(batch(marker));
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> {
          records.clear();
          records.addAll(Topics.records(bootstrap, ingest.securityTopic(), 1));
          return records.stream().anyMatch(r -> event(r).getId().equals(marker.getId()));
        });
    return records;
  }

  private static List<String> ids(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> event(r).getId()).toList();
  }

  @Test
  void acceptedEventsAreOnTheSecurityTopicKeyedByZoneWithHeaders() {
    SecurityEvent first = SecurityEvents.valid("acct-1", "zone-a").build();
    SecurityEvent second = SecurityEvents.valid("acct-7", "zone-b").build();

    IngestSecurityEventsResponse response = edge.ingestSecurityEvents(batch(first, second));

    assertThat(response.getAcceptedCount()).isEqualTo(2);
    assertThat(response.getResultsList()).extracting(r -> r.getOutcome()).containsOnly(Outcome.OUTCOME_ACCEPTED);
    List<ConsumerRecord<byte[], byte[]>> records = everythingUpToAMarker();
    for (SecurityEvent sent : List.of(first, second)) {
      List<ConsumerRecord<byte[], byte[]>> mine =
          records.stream().filter(r -> event(r).getId().equals(sent.getId())).toList();
      assertThat(mine).as("records for %s", sent.getId()).hasSize(1);
      ConsumerRecord<byte[], byte[]> record = mine.get(0);
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(sent.getZoneId());
      assertThat(event(record)).isEqualTo(sent);
      assertThat(Topics.header(record, KafkaEventLog.PRODUCER_HEADER)).isEqualTo(TestPki.ORDERS);
      assertThat(Topics.header(record, KafkaEventLog.SCHEMA_VERSION_HEADER)).isEqualTo("1");
      assertThat(Topics.header(record, KafkaEventLog.CONTENT_TYPE_HEADER)).contains("auditline.v1.SecurityEvent");
    }
    assertThat(Topics.records(bootstrap, ingest.topic(), 0)).as("the audit topic").isEmpty();
  }

  @Test
  void aRetriedBatchIsAcknowledgedAsDuplicatesAndNotWrittenTwice() {
    SecurityEvent sent = SecurityEvents.valid().build();
    assertThat(edge.ingestSecurityEvents(batch(sent)).getAcceptedCount()).isEqualTo(1);

    assertThat(edge.ingestSecurityEvents(batch(sent)).getDuplicateCount()).isEqualTo(1);
    assertThat(ids(everythingUpToAMarker())).containsOnlyOnce(sent.getId());
  }

  @Test
  void anInvalidEventFailsTheBatchWithFieldPathsAndWritesNothing() {
    SecurityEvent good = SecurityEvents.valid().build();
    SecurityEvent bad = SecurityEvents.valid().setClientIp("300.1.1.1").setMethod("BREW").build();

    assertThatThrownBy(() -> edge.ingestSecurityEvents(batch(good, bad)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(Statuses.detail(e, BadRequest.class).orElseThrow().getFieldViolationsList())
              .extracting(v -> v.getField() + " " + v.getReason())
              .containsExactlyInAnyOrder("events[1].client_ip string.ip", "events[1].method string.in");
        });
    assertThat(ids(everythingUpToAMarker())).doesNotContain(good.getId(), bad.getId());
  }

  @Test
  void withPartialSuccessTheValidEventsAreWritten() {
    SecurityEvent good = SecurityEvents.valid().build();
    SecurityEvent bad = SecurityEvents.valid().setClientCountry("Germany").build();

    IngestSecurityEventsResponse response =
        edge.ingestSecurityEvents(batch(good, bad).toBuilder().setPartialSuccess(true).build());

    assertThat(response.getResultsList()).extracting(r -> r.getOutcome())
        .containsExactly(Outcome.OUTCOME_ACCEPTED, Outcome.OUTCOME_REJECTED);
    assertThat(response.getResults(1).getViolations(0).getField()).isEqualTo("client_country");
    List<String> ids = ids(everythingUpToAMarker());
    assertThat(ids).contains(good.getId()).doesNotContain(bad.getId());
  }

  @Test
  void aProducerWithoutSecurityEventsIsDeniedAndNothingIsWritten() {
    SecurityEvent event = SecurityEvents.valid("acct-1", "zone-a").build();

    assertThatThrownBy(() -> billing.ingestSecurityEvents(batch(event)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(Statuses.detail(e, ErrorInfo.class).orElseThrow().getReason()).isEqualTo("PRODUCER_NOT_PERMITTED");
          assertThat(Statuses.detail(e, BadRequest.class).orElseThrow().getFieldViolations(0).getReason())
              .isEqualTo(ProducerRegistry.SECURITY_EVENTS_RULE);
        });
    assertThat(ids(everythingUpToAMarker())).doesNotContain(event.getId());
  }
}
