package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.auditline.ingest.kafka.KafkaEventLog;
import io.auditline.ingest.testing.Events;
import io.auditline.ingest.testing.IngestHarness;
import io.auditline.ingest.testing.Statuses;
import io.auditline.ingest.testing.Topics;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import io.auditline.proto.v1.Outcome;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.tls.TestPki;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ingest RPC against a real broker over real mTLS. */
class IngestIT {

  private static IngestHarness ingest;
  private static IngestServiceBlockingStub billing;
  private static String bootstrap;

  @BeforeAll
  static void start() {
    bootstrap = SharedKafka.bootstrapServers();
    ingest = IngestHarness.start(bootstrap, KafkaTestSupport.uniqueTopicName("ingest-it"), IngestHarness.PRODUCERS, c -> c);
    billing = ingest.stub(TestPki.client(TestPki.BILLING));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    ingest.close();
  }

  private static IngestRequest batch(List<AuditEvent> events) {
    return IngestRequest.newBuilder().addAllEvents(events).build();
  }

  private static List<AuditEvent> events(int n) {
    return IntStream.range(0, n).mapToObj(i -> Events.valid(i % 2 == 0 ? "acct-1" : "acct-2").build()).toList();
  }

  /** Writes a marker event and returns everything on the topic up to and including it. */
  private static List<ConsumerRecord<byte[], byte[]>> everythingUpToAMarker() {
    AuditEvent marker = Events.valid().build();
    billing.ingest(batch(List.of(marker)));
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> {
          records.clear();
          records.addAll(Topics.records(bootstrap, ingest.topic(), 1));
          return Topics.ids(records).contains(marker.getId());
        });
    return records;
  }

  @Test
  void acceptedEventsAreOnTheTopicOnceWithKeyAndHeaders() {
    List<AuditEvent> sent = events(5);
    IngestResponse response = billing.ingest(batch(sent));

    assertThat(response.getAcceptedCount()).isEqualTo(5);
    assertThat(response.getResultsList()).extracting(r -> r.getOutcome()).containsOnly(Outcome.OUTCOME_ACCEPTED);
    assertThat(response.getResultsList()).extracting(r -> r.getId()).containsExactlyElementsOf(sent.stream().map(AuditEvent::getId).toList());

    List<ConsumerRecord<byte[], byte[]>> records = everythingUpToAMarker();
    for (AuditEvent event : sent) {
      List<ConsumerRecord<byte[], byte[]>> mine =
          records.stream().filter(r -> Topics.event(r).getId().equals(event.getId())).toList();
      assertThat(mine).as("records for %s", event.getId()).hasSize(1);
      ConsumerRecord<byte[], byte[]> record = mine.get(0);
      assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(event.getAccountId());
      assertThat(Topics.event(record)).isEqualTo(event);
      assertThat(Topics.header(record, KafkaEventLog.PRODUCER_HEADER)).isEqualTo("spiffe://auditline.test/producer/billing");
      assertThat(Topics.header(record, KafkaEventLog.SCHEMA_VERSION_HEADER)).isEqualTo("1");
      assertThat(Topics.header(record, KafkaEventLog.CONTENT_TYPE_HEADER)).contains("auditline.v1.AuditEvent");
    }
  }

  @Test
  void aRetriedBatchIsAcknowledgedAsDuplicatesAndNotWrittenTwice() {
    List<AuditEvent> sent = events(3);
    assertThat(billing.ingest(batch(sent)).getAcceptedCount()).isEqualTo(3);

    IngestResponse retry = billing.ingest(batch(sent));

    assertThat(retry.getDuplicateCount()).isEqualTo(3);
    assertThat(retry.getResultsList()).extracting(r -> r.getOutcome()).containsOnly(Outcome.OUTCOME_DUPLICATE);
    List<String> ids = Topics.ids(everythingUpToAMarker());
    for (AuditEvent event : sent) {
      assertThat(ids).as("copies of %s", event.getId()).containsOnlyOnce(event.getId());
    }
  }

  @Test
  void aDuplicateIdWithinOneBatchIsWrittenOnce() {
    AuditEvent event = Events.valid().build();
    IngestResponse response = billing.ingest(batch(List.of(event, event)));

    assertThat(response.getAcceptedCount()).isEqualTo(1);
    assertThat(response.getDuplicateCount()).isEqualTo(1);
    assertThat(Topics.ids(everythingUpToAMarker())).containsOnlyOnce(event.getId());
  }

  @Test
  void anInvalidEventFailsTheWholeBatchWithFieldViolationsAndWritesNothing() {
    AuditEvent good = Events.valid().build();
    AuditEvent bad = Events.valid().setActor(Events.valid().getActor().toBuilder().setEmail("not-an-email")).build();

    assertThatThrownBy(() -> billing.ingest(batch(List.of(good, bad))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("1 of 2 events are invalid; nothing was written");
          BadRequest details = Statuses.detail(e, BadRequest.class).orElseThrow();
          assertThat(details.getFieldViolationsList()).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("events[1].actor.email");
            assertThat(v.getReason()).isEqualTo("string.email");
            assertThat(v.getDescription()).isNotBlank();
          });
        });
    assertThat(Topics.ids(everythingUpToAMarker())).doesNotContain(good.getId(), bad.getId());
  }

  @Test
  void partialSuccessWritesTheValidEventsAndSaysWhyTheOthersWereRejected() {
    AuditEvent good = Events.valid().build();
    AuditEvent bad = Events.valid().setSchemaVersion(7).build();
    AuditEvent forbidden = Events.valid("acct-9").build();

    IngestResponse response =
        billing.ingest(batch(List.of(good, bad, forbidden)).toBuilder().setPartialSuccess(true).build());

    assertThat(response.getAcceptedCount()).isEqualTo(1);
    assertThat(response.getRejectedCount()).isEqualTo(2);
    assertThat(response.getResults(0).getOutcome()).isEqualTo(Outcome.OUTCOME_ACCEPTED);
    assertThat(response.getResults(1).getOutcome()).isEqualTo(Outcome.OUTCOME_REJECTED);
    assertThat(response.getResults(1).getViolationsList()).extracting(v -> v.getField() + " " + v.getRule())
        .containsExactly("schema_version uint32.in");
    assertThat(response.getResults(2).getViolationsList()).extracting(v -> v.getField() + " " + v.getRule())
        .containsExactly("account_id permission.account");
    List<String> ids = Topics.ids(everythingUpToAMarker());
    assertThat(ids).containsOnlyOnce(good.getId()).doesNotContain(bad.getId(), forbidden.getId());
  }

  @Test
  void anAccountTheProducerMayNotWriteIsPermissionDeniedAndNothingIsWritten() {
    AuditEvent allowed = Events.valid().build();
    AuditEvent other = Events.valid("acct-9").build();

    assertThatThrownBy(() -> billing.ingest(batch(List.of(allowed, other))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(Statuses.detail(e, ErrorInfo.class).orElseThrow().getReason()).isEqualTo("PRODUCER_NOT_PERMITTED");
          assertThat(Statuses.detail(e, BadRequest.class).orElseThrow().getFieldViolationsList())
              .singleElement()
              .satisfies(v -> {
                assertThat(v.getField()).isEqualTo("events[1].account_id");
                assertThat(v.getDescription()).contains("may not write account 'acct-9'");
              });
        });
    assertThat(Topics.ids(everythingUpToAMarker())).doesNotContain(allowed.getId(), other.getId());
  }

  @Test
  void anActionTypeOutsideTheProducersPrefixesIsPermissionDenied() {
    AuditEvent event = Events.valid().setAction(Events.valid().getAction().toBuilder().setType("user.delete")).build();

    assertThatThrownBy(() -> billing.ingest(batch(List.of(event))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
          assertThat(Statuses.detail(e, BadRequest.class).orElseThrow().getFieldViolations(0).getReason())
              .isEqualTo("permission.action_type");
        });
  }

  @Test
  void anEmptyBatchIsInvalid() {
    assertThatThrownBy(() -> billing.ingest(IngestRequest.getDefaultInstance()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(Statuses.detail(e, BadRequest.class).orElseThrow().getFieldViolations(0).getReason())
              .isEqualTo("repeated.min_items");
        });
  }

  @Test
  void aBatchOverTheEventLimitIsInvalid() {
    assertThatThrownBy(() -> billing.ingest(batch(events(1001))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).contains("at most 1000 events, got 1001");
        });
  }

  @Test
  void aRequestOverTheSizeLimitIsResourceExhausted() {
    AuditEvent fat = Events.valid().setAction(Events.valid().getAction().toBuilder().setDescription("d".repeat(2000))).build();
    List<AuditEvent> many = IntStream.range(0, 1000).mapToObj(i -> fat.toBuilder().setId(java.util.UUID.randomUUID().toString()).build()).toList();
    assertThat(batch(many).getSerializedSize()).isGreaterThan(2 * 1024 * 1024);
    List<AuditEvent> more = new ArrayList<>(many);
    more.addAll(many);

    assertThatThrownBy(() -> billing.ingest(IngestRequest.newBuilder().addAllEvents(more).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
          assertThat(e.getStatus().getDescription()).containsIgnoringCase("exceeds maximum");
        });
  }

  @Test
  void theTraceContextOfTheCallTravelsInTheRecordHeaders() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), "00-" + traceId + "-00f067aa0ba902b7-01");
    AuditEvent event = Events.valid().build();

    billing.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).ingest(batch(List.of(event)));

    ConsumerRecord<byte[], byte[]> record =
        everythingUpToAMarker().stream().filter(r -> Topics.event(r).getId().equals(event.getId())).findFirst().orElseThrow();
    assertThat(Topics.header(record, "traceparent")).startsWith("00-" + traceId + "-");
  }
}
