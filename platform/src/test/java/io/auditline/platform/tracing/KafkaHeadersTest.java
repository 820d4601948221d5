package io.auditline.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class KafkaHeadersTest {

  @Test
  void traceContextSurvivesTheRoundTripThroughRecordHeaders() {
    try (OpenTelemetrySdk otel = Tracing.create("ingest", 1.0, Optional.empty())) {
      Span span = otel.getTracer("test").spanBuilder("produce").startSpan();
      RecordHeaders headers = new RecordHeaders();
      try (Scope ignored = span.makeCurrent()) {
        otel.getPropagators().getTextMapPropagator().inject(Context.current(), headers, KafkaHeaders.SETTER);
      } finally {
        span.end();
      }

      Context extracted = otel.getPropagators().getTextMapPropagator()
          .extract(Context.root(), headers, KafkaHeaders.GETTER);
      SpanContext remote = Span.fromContext(extracted).getSpanContext();

      assertThat(headers.lastHeader("traceparent")).isNotNull();
      assertThat(remote.isRemote()).isTrue();
      assertThat(remote.getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
      assertThat(remote.getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
      assertThat(remote.isSampled()).isTrue();
    }
  }

  @Test
  void injectReplacesAnEarlierTraceparent() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", "stale".getBytes(StandardCharsets.UTF_8));

    KafkaHeaders.SETTER.set(headers, "traceparent", "fresh");

    assertThat(headers.headers("traceparent")).hasSize(1);
    assertThat(KafkaHeaders.GETTER.get(headers, "traceparent")).isEqualTo("fresh");
    assertThat(KafkaHeaders.GETTER.keys(headers)).containsExactly("traceparent");
  }

  @Test
  void zeroRatioDoesNotSampleNewTraces() {
    try (OpenTelemetrySdk otel = Tracing.create("ingest", 0.0, Optional.empty())) {
      Span span = otel.getTracer("test").spanBuilder("root").startSpan();
      assertThat(span.getSpanContext().isSampled()).isFalse();
      span.end();
    }
  }

  @Test
  void rejectsRatioOutsideZeroToOne() {
    assertThatThrownBy(() -> Tracing.create("x", 1.5, Optional.empty()))
        .hasMessageContaining("sampleRatio: 1.5 (expected: 0.0..1.0)");
  }
}
