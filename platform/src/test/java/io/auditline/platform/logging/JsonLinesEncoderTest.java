package io.auditline.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class JsonLinesEncoderTest {

  final LoggerContext context = new LoggerContext();
  final Logger logger = context.getLogger("io.auditline.ingest.Server");

  private JsonNode encode(LoggingEvent event) throws Exception {
    JsonLinesEncoder encoder = new JsonLinesEncoder();
    encoder.setContext(context);
    encoder.start();
    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertThat(line).endsWith("\n").doesNotContain("\n\n");
    assertThat(line.strip()).doesNotContain("\n");
    return new ObjectMapper().readTree(line);
  }

  @Test
  void writesStandardFieldsMdcAndKeyValuePairs() throws Exception {
    LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, "accepted {} events",
        null, new Object[] {3});
    event.setMDCPropertyMap(Map.of("traceId", "abc"));
    event.addKeyValuePair(new KeyValuePair("component", "ingest"));
    event.addKeyValuePair(new KeyValuePair("took_ms", 12L));
    event.addKeyValuePair(new KeyValuePair("level", "shadowed"));

    JsonNode json = encode(event);

    assertThat(json.get("level").asText()).isEqualTo("WARN");
    assertThat(json.get("logger").asText()).isEqualTo("io.auditline.ingest.Server");
    assertThat(json.get("message").asText()).isEqualTo("accepted 3 events");
    assertThat(json.get("thread").asText()).isNotEmpty();
    assertThat(json.get("timestamp").asText()).endsWith("Z");
    assertThat(json.get("traceId").asText()).isEqualTo("abc");
    assertThat(json.get("component").asText()).isEqualTo("ingest");
    assertThat(json.get("took_ms").isNumber()).isTrue();
    assertThat(json.get("_level").asText()).isEqualTo("shadowed");
  }

  @Test
  void writesStackTraceOfTheException() throws Exception {
    LoggingEvent event = new LoggingEvent("fqcn", logger, Level.ERROR, "boom \"quoted\"\nline",
        new IllegalStateException("broken"), null);
    event.setMDCPropertyMap(Map.of());

    JsonNode json = encode(event);

    assertThat(json.get("message").asText()).isEqualTo("boom \"quoted\"\nline");
    assertThat(json.get("exception").asText())
        .startsWith("java.lang.IllegalStateException: broken")
        .contains("JsonLinesEncoderTest");
  }

  @Test
  void writesTheIdsOfTheCurrentSpan() throws Exception {
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    String spanId = "b7ad6b7169203331";
    Span span = Span.wrap(SpanContext.create(traceId, spanId, TraceFlags.getSampled(), TraceState.getDefault()));
    LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "inside", null, null);
    event.setMDCPropertyMap(Map.of());

    JsonNode json;
    try (Scope ignored = span.makeCurrent()) {
      json = encode(event);
    }
    JsonNode outside = encode(event);

    assertThat(json.get("trace_id").asText()).isEqualTo(traceId);
    assertThat(json.get("span_id").asText()).isEqualTo(spanId);
    assertThat(outside.has("trace_id")).isFalse();
    assertThat(outside.has("span_id")).isFalse();
  }

  @Test
  void theTextFormatCarriesTheIdsOfTheCurrentSpanToo() {
    ConsoleEncoder encoder = new ConsoleEncoder();
    encoder.setFormat("text");
    encoder.setContext(context);
    encoder.start();
    Span span = Span.wrap(SpanContext.create(
        "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault()));
    LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "inside", null, null);
    event.setMDCPropertyMap(Map.of());

    String inside;
    try (Scope ignored = span.makeCurrent()) {
      inside = new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
    String outside = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertThat(inside).contains("inside").contains("trace_id=0af7651916cd43dd8448eb211c80319c span_id=b7ad6b7169203331");
    assertThat(outside).contains("inside").doesNotContain("trace_id");
  }
}
