package io.auditline.ingest.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.ingest.testing.Events;
import io.auditline.ingest.testing.IngestHarness;
import io.auditline.ingest.testing.Topics;
import io.auditline.platform.tracing.SpanStore;
import io.auditline.platform.tracing.Tracing;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestServiceGrpc.IngestServiceBlockingStub;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.tls.TestPki;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ingest RPC's spans, with a real broker and real mTLS, sampled at the production default. */
class IngestTracingIT {

  private static final SpanStore spans = new SpanStore(1_000);
  private static OpenTelemetrySdk otel;
  private static IngestHarness ingest;
  private static IngestServiceBlockingStub billing;

  @BeforeAll
  static void start() {
    // Ratio 0: only a sampled parent, the producer's, makes these spans recorded.
    otel = Tracing.create("ingest-test", 0.0, List.of(spans));
    ingest = IngestHarness.start(SharedKafka.bootstrapServers(), KafkaTestSupport.uniqueTopicName("ingest-trace"),
        IngestHarness.PRODUCERS, c -> c, otel);
    billing = ingest.stub(TestPki.client(TestPki.BILLING));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    ingest.close();
    otel.close();
  }

  private static IngestServiceBlockingStub withTraceparent(String traceparent) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), traceparent);
    return billing.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private static ConsumerRecord<byte[], byte[]> recordOf(AuditEvent event) {
    return await().atMost(Duration.ofSeconds(30)).until(
        () -> Topics.records(SharedKafka.bootstrapServers(), ingest.topic(), 1).stream()
            .filter(r -> Topics.event(r).getId().equals(event.getId())).findFirst().orElse(null),
        r -> r != null);
  }

  @Test
  void theRpcContinuesTheProducersTraceWithValidateAndProduceChildrenAndTheRecordCarriesTheProduceSpan() {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String producerSpan = "00f067aa0ba902b7";
    AuditEvent event = Events.valid().build();

    withTraceparent("00-" + traceId + "-" + producerSpan + "-01").ingest(IngestRequest.newBuilder().addEvents(event).build());

    Map<String, SpanData> byName = await().atMost(Duration.ofSeconds(10)).until(
        () -> spans.trace(traceId).stream().collect(Collectors.toMap(SpanData::getName, Function.identity())),
        m -> m.size() == 3);
    SpanData rpc = byName.get("auditline.v1.IngestService/Ingest");
    SpanData validate = byName.get("ingest.validate");
    SpanData produce = byName.get("kafka.produce");
    assertThat(rpc.getParentSpanId()).isEqualTo(producerSpan);
    assertThat(rpc.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(rpc.getAttributes().asMap().toString()).contains("rpc.grpc.status_code=OK");
    assertThat(validate.getParentSpanId()).isEqualTo(rpc.getSpanId());
    assertThat(produce.getParentSpanId()).isEqualTo(rpc.getSpanId());
    assertThat(produce.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(produce.getAttributes().asMap().toString()).contains("messaging.batch.message_count=1");
    assertThat(Topics.header(recordOf(event), "traceparent"))
        .isEqualTo("00-" + traceId + "-" + produce.getSpanId() + "-01");
  }

  @Test
  void anUnsampledCallRecordsNoSpansAndItsRecordsCarryNoTraceContext() {
    String traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
    AuditEvent event = Events.valid().build();

    withTraceparent("00-" + traceId + "-00f067aa0ba902b7-00").ingest(IngestRequest.newBuilder().addEvents(event).build());

    // Consumers continue sampled traces only: an unsampled context is not worth its bytes on every record.
    assertThat(Topics.header(recordOf(event), "traceparent")).isNull();
    assertThat(spans.trace(traceId)).isEmpty();
  }
}
