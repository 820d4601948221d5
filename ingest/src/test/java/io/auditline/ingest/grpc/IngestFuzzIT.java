package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.auditline.ingest.testing.Events;
import io.auditline.ingest.testing.IngestHarness;
import io.auditline.ingest.testing.Topics;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.tls.TestPki;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and malformed input against the real server: every case gets a clear error (or, when it is
 * valid by chance, an acknowledgement), the server stays up, and nothing unacknowledged is written.
 */
class IngestFuzzIT {

  private static final Set<Status.Code> CLEAR_ERRORS =
      Set.of(Status.Code.INVALID_ARGUMENT, Status.Code.PERMISSION_DENIED, Status.Code.RESOURCE_EXHAUSTED);
  private static final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private static IngestHarness ingest;
  private static ManagedChannel channel;
  private static IngestServiceGrpc.IngestServiceBlockingStub stub;

  @BeforeContainer
  static void start() {
    ingest =
        IngestHarness.start(
            SharedKafka.bootstrapServers(), KafkaTestSupport.uniqueTopicName("fuzz-it"), IngestHarness.PRODUCERS,
            c -> new io.auditline.ingest.IngestConfig(
                c.host(), c.port(), c.producersFile(), c.maxRequestSize(), c.maxEventsPerRequest(), c.maxEventSize(),
                1e9, 1_000_000, c.idempotencyWindow(), c.idempotencyMaxKeys(), c.drainTimeout()));
    channel = ingest.channel(TestPki.client(TestPki.ORDERS));
    stub = IngestServiceGrpc.newBlockingStub(channel);
  }

  @AfterContainer
  static void serverStaysUpAndOnlyAcknowledgedEventsWereWritten() throws InterruptedException {
    try {
      AuditEvent marker = Events.valid().build();
      IngestResponse response = stub.ingest(IngestRequest.newBuilder().addEvents(marker).build());
      assertThat(response.getAcceptedCount()).as("the server still serves").isEqualTo(1);
      acknowledged.add(marker.getId());
      List<String> written = Topics.ids(Topics.records(SharedKafka.bootstrapServers(), ingest.topic(), 1));
      assertThat(written).contains(marker.getId());
      assertThat(acknowledged).containsAll(written);
      assertThat(written).doesNotHaveDuplicates();
    } finally {
      ingest.close();
    }
  }

  @Property(tries = 150)
  void randomBytesGetAClearError(@ForAll @Size(max = 4096) byte[] bytes) {
    assertClearOutcome(() -> rawCall(bytes));
  }

  @Property(tries = 40)
  void invalidUtf8InAStringFieldIsInvalidArgument(@ForAll @IntRange(min = 1, max = 9) int field) throws IOException {
    AuditEvent valid = Events.valid().build();
    ByteArrayOutputStream event = new ByteArrayOutputStream();
    valid.writeTo(event);
    CodedOutputStream out = CodedOutputStream.newInstance(event);
    // A later occurrence of a string field wins when parsing, so this replaces it with bad UTF-8.
    out.writeBytes(field == 9 ? 2 : Math.min(field, 2), ByteString.copyFrom(new byte[] {(byte) 0xC3, (byte) 0x28}));
    out.flush();
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    CodedOutputStream req = CodedOutputStream.newInstance(request);
    req.writeBytes(1, ByteString.copyFrom(event.toByteArray()));
    req.flush();

    StatusRuntimeException e = expectFailure(() -> rawCall(request.toByteArray()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(e.getStatus().getDescription()).contains("not a valid auditline.v1.IngestRequest").containsIgnoringCase("UTF-8");
  }

  @Property(tries = 100)
  void arbitraryFieldValuesAreEitherAcceptedOrRejectedWithViolations(
      @ForAll("strings") String account,
      @ForAll("strings") String actorId,
      @ForAll("strings") String email,
      @ForAll("strings") String actionType,
      @ForAll("strings") String metadataKey,
      @ForAll @IntRange(max = 200) int metadataPairs) {
    AuditEvent.Builder event = Events.valid(account);
    event.setActor(event.getActor().toBuilder().setId(actorId).setEmail(email));
    event.setAction(event.getAction().toBuilder().setType(actionType));
    for (int i = 0; i < metadataPairs; i++) {
      event.putMetadata(metadataKey + i, "v".repeat(i));
    }
    assertClearOutcome(() -> stub.ingest(IngestRequest.newBuilder().addEvents(event).build()));
  }

  @Property(tries = 20)
  void batchesOfAnySizeGetAClearAnswer(@ForAll @IntRange(max = 1500) int size) {
    IngestRequest.Builder request = IngestRequest.newBuilder();
    for (int i = 0; i < size; i++) {
      request.addEvents(Events.valid());
    }
    assertClearOutcome(() -> stub.ingest(request.build()));
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300),
        Arbitraries.strings().ascii().ofMinLength(1000).ofMaxLength(100_000),
        Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_', '@', '-').ofMaxLength(40));
  }

  private static void assertClearOutcome(java.util.function.Supplier<Object> call) {
    Object result;
    try {
      result = call.get();
    } catch (StatusRuntimeException e) {
      assertThat(e.getStatus().getCode()).as("%s", e.getStatus()).isIn(CLEAR_ERRORS);
      assertThat(e.getStatus().getDescription()).isNotBlank();
      return;
    }
    IngestResponse response = result instanceof IngestResponse r ? r : parse((byte[]) result);
    response.getResultsList().stream()
        .filter(r -> r.getOutcome() == io.auditline.proto.v1.Outcome.OUTCOME_ACCEPTED)
        .forEach(r -> acknowledged.add(r.getId()));
  }

  private static StatusRuntimeException expectFailure(java.util.function.Supplier<Object> call) {
    try {
      call.get();
    } catch (StatusRuntimeException e) {
      return e;
    }
    throw new AssertionError("expected the call to fail");
  }

  private static IngestResponse parse(byte[] bytes) {
    try {
      return IngestResponse.parseFrom(bytes);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static Object rawCall(byte[] body) {
    MethodDescriptor<byte[], byte[]> raw =
        IngestServiceGrpc.getIngestMethod().toBuilder(BYTES, BYTES).build();
    return ClientCalls.blockingUnaryCall(channel, raw, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), body);
  }

  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
      };
}
