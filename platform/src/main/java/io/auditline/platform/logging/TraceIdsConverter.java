package io.auditline.platform.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * {@code %traceIds} in the text pattern: {@code " trace_id=... span_id=..."} when the logging thread
 * is inside a valid span, nothing otherwise.
 */
public final class TraceIdsConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    SpanContext span = Span.current().getSpanContext();
    return span.isValid() ? " trace_id=" + span.getTraceId() + " span_id=" + span.getSpanId() : "";
  }
}
