package io.auditline.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.net.URI;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class TracingTest {

  @Test
  void offCreatesNoIdsAndWritesNoHeaders() {
    try (OpenTelemetrySdk otel = Tracing.off()) {
      Span span = otel.getTracer("test").spanBuilder("x").startSpan();
      RecordHeaders headers = new RecordHeaders();
      otel.getPropagators().getTextMapPropagator().inject(Context.root().with(span), headers, KafkaHeaders.SETTER);
      assertThat(span.getSpanContext().isValid()).isFalse();
      assertThat(headers.toArray()).isEmpty();
    }
  }

  @Test
  void unsampledSpansStillHaveIdsForLogsAndHeaders() {
    try (OpenTelemetrySdk otel = Tracing.create("test", 0.0, List.of())) {
      Span span = otel.getTracer("test").spanBuilder("x").startSpan();
      assertThat(span.getSpanContext().isValid()).isTrue();
      assertThat(span.isRecording()).isFalse();
    }
  }

  @Test
  void parsesTheOtlpProtocolWords() {
    assertThat(Tracing.OtlpProtocol.parse("grpc")).isEqualTo(Tracing.OtlpProtocol.GRPC);
    assertThat(Tracing.OtlpProtocol.parse(" HTTP/protobuf")).isEqualTo(Tracing.OtlpProtocol.HTTP_PROTOBUF);
    assertThatThrownBy(() -> Tracing.OtlpProtocol.parse("thrift")).hasMessageContaining("grpc or http/protobuf");
  }

  @Test
  void buildsOtlpExportersForBothProtocols() {
    Tracing.otlp(URI.create("http://localhost:4317"), Tracing.OtlpProtocol.GRPC).shutdown();
    Tracing.otlp(URI.create("http://localhost:4318"), Tracing.OtlpProtocol.HTTP_PROTOBUF).shutdown();
    assertThatThrownBy(() -> Tracing.otlp(URI.create("localhost:4317"), Tracing.OtlpProtocol.GRPC))
        .hasMessageContaining("http:// or https://");
  }
}
