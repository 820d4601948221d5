package io.auditline.platform.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * Encodes each log event as one JSON object per line: {@code timestamp} (ISO-8601 UTC), {@code
 * level}, {@code logger}, {@code thread}, {@code message}, {@code trace_id} and {@code span_id} when
 * the logging thread is inside a valid span, then MDC entries and SLF4J key-value pairs as top-level
 * fields, and {@code exception} with the stack trace.
 *
 * <p>Key-value pairs are top level so log queries read {@code component="ingest"} rather than a
 * nested path; a key that collides with a standard field is written with a leading underscore.
 */
public final class JsonLinesEncoder extends EncoderBase<ILoggingEvent> {

  private static final Set<String> RESERVED =
      Set.of("timestamp", "level", "logger", "thread", "message", "exception", "trace_id", "span_id");
  private static final byte[] NONE = new byte[0];

  private final JsonFactory json = new JsonFactory();

  @Override
  public byte[] headerBytes() {
    return NONE;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator gen = json.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("timestamp", event.getInstant().toString());
      gen.writeStringField("level", event.getLevel().toString());
      gen.writeStringField("logger", event.getLoggerName());
      gen.writeStringField("thread", event.getThreadName());
      gen.writeStringField("message", event.getFormattedMessage());
      // Logback encodes on the logging thread (no async appender is shipped), so the current span is the caller's.
      SpanContext span = Span.current().getSpanContext();
      if (span.isValid()) {
        gen.writeStringField("trace_id", span.getTraceId());
        gen.writeStringField("span_id", span.getSpanId());
      }
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> e : mdc.entrySet()) {
          gen.writeStringField(fieldName(e.getKey()), e.getValue());
        }
      }
      if (event.getKeyValuePairs() != null) {
        for (KeyValuePair kv : event.getKeyValuePairs()) {
          gen.writeFieldName(fieldName(kv.key));
          writeValue(gen, kv.value);
        }
      }
      if (event.getThrowableProxy() != null) {
        gen.writeStringField("exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  @Override
  public byte[] footerBytes() {
    return NONE;
  }

  private static String fieldName(String key) {
    return RESERVED.contains(key) ? "_" + key : String.valueOf(key);
  }

  private static void writeValue(JsonGenerator gen, Object value) throws IOException {
    switch (value) {
      case null -> gen.writeNull();
      case Boolean b -> gen.writeBoolean(b);
      case Integer i -> gen.writeNumber(i);
      case Long l -> gen.writeNumber(l);
      case Double d when Double.isFinite(d) -> gen.writeNumber(d);
      case Float f when Float.isFinite(f) -> gen.writeNumber(f);
      case Short s -> gen.writeNumber(s);
      case java.math.BigDecimal d -> gen.writeNumber(d);
      case java.math.BigInteger i -> gen.writeNumber(i);
      default -> gen.writeString(String.valueOf(value));
    }
  }
}
