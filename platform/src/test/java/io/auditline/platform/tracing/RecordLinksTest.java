package io.auditline.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordLinksTest {

  private static RecordHeaders traceparent(String value) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("content-type", "x".getBytes(StandardCharsets.UTF_8));
    headers.add("traceparent", value.getBytes(StandardCharsets.US_ASCII));
    return headers;
  }

  private static String parent(String trace, String span, String flags) {
    return "00-" + trace + "-" + span + "-" + flags;
  }

  @Test
  void keepsOnlySampledContextsInRecordOrder() {
    RecordLinks links = new RecordLinks();
    links.add(traceparent(parent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "00")));
    links.add(traceparent(parent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "01")));
    links.add(traceparent(parent("11111111111111111111111111111111", "2222222222222222", "0b"))); // 0x0b: sampled bit set
    links.add(traceparent(parent("33333333333333333333333333333333", "4444444444444444", "0a"))); // 0x0a: not sampled
    links.add(new RecordHeaders());
    links.add(traceparent("garbage"));
    links.add(null);

    assertThat(links.sampled()).isEqualTo(2);
    assertThat(links.contexts()).extracting(SpanContext::getTraceId)
        .containsExactly("0af7651916cd43dd8448eb211c80319c", "11111111111111111111111111111111");
    assertThat(links.contexts().getFirst().getSpanId()).isEqualTo("b7ad6b7169203331");
    assertThat(links.contexts().getFirst().isRemote()).isTrue();
  }

  @Test
  void keepsAtMostMaxContextsButCountsEverySampledRecord() {
    RecordLinks links = new RecordLinks(2);
    for (int i = 0; i < 5; i++) {
      links.add(traceparent(parent("0af7651916cd43dd8448eb211c8031%02d".formatted(i), "b7ad6b7169203331", "01")));
    }
    assertThat(links.contexts()).hasSize(2);
    assertThat(links.sampled()).isEqualTo(5);
    links.clear();
    assertThat(links.contexts()).isEmpty();
    assertThat(links.sampled()).isZero();
  }

  @Test
  void theBatchSpanIsAChildOfTheFirstSampledRecordAndLinksToEach() {
    SpanStore store = new SpanStore(10);
    try (OpenTelemetrySdk otel = Tracing.create("test", 0.0, List.of(store))) {
      RecordLinks links = new RecordLinks();
      links.add(traceparent(parent("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", "01")));
      links.add(traceparent(parent("11111111111111111111111111111111", "2222222222222222", "01")));

      Span batch = links.start(otel.getTracer("test"), "batch");
      batch.end();

      SpanData data = store.trace("0af7651916cd43dd8448eb211c80319c").getFirst();
      assertThat(data.getParentSpanId()).isEqualTo("b7ad6b7169203331");
      assertThat(data.getLinks()).extracting(l -> l.getSpanContext().getSpanId())
          .containsExactly("b7ad6b7169203331", "2222222222222222");
      assertThat(data.getAttributes().asMap()).containsValue(2L);
    }
  }

  @Test
  void withoutSampledRecordsTheBatchStartsATraceOfItsOwnLeftToTheSampler() {
    SpanStore store = new SpanStore(10);
    try (OpenTelemetrySdk otel = Tracing.create("test", 0.0, List.of(store))) {
      Span batch = new RecordLinks().start(otel.getTracer("test"), "batch");
      batch.end();
      assertThat(batch.isRecording()).isFalse();
      assertThat(store.recent(10)).isEmpty();
    }
  }
}
