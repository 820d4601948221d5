package io.auditline.ingest.pipeline;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * The child spans of an ingest RPC: {@value #VALIDATE} around the validation and authorisation of
 * the request's events, and {@value #PRODUCE} from the first Kafka send to the last acknowledgement.
 * One produce span per request, not per record: every record of the request carries its context in
 * its headers, which are encoded once per request.
 *
 * <p>Attributes are only built for spans that are recorded (sampled), so an unsampled request pays for
 * two span ids and nothing else.
 */
final class IngestSpans {

  static final String VALIDATE = "ingest.validate";
  static final String PRODUCE = "kafka.produce";

  private final Tracer tracer;

  IngestSpans(Tracer tracer) {
    this.tracer = tracer;
  }

  Span validation(Context trace, int events) {
    Span span = tracer.spanBuilder(VALIDATE).setParent(trace).startSpan();
    if (span.isRecording()) {
      span.setAttribute("auditline.events", events);
    }
    return span;
  }

  void validated(Span span, long invalid, long denied) {
    if (span.isRecording()) {
      span.setAttribute("auditline.events_invalid", invalid);
      span.setAttribute("auditline.events_denied", denied);
    }
    span.end();
  }

  Span produce(Context trace, String topicKind) {
    Span span = tracer.spanBuilder(PRODUCE).setParent(trace).setSpanKind(SpanKind.PRODUCER).startSpan();
    if (span.isRecording()) {
      span.setAttribute("messaging.system", "kafka");
      span.setAttribute("messaging.operation.type", "send");
      span.setAttribute("auditline.topic_kind", topicKind);
    }
    return span;
  }

  void produced(Span span, BatchWrite batch) {
    if (span.isRecording()) {
      int accepted = 0;
      int duplicates = 0;
      int failed = 0;
      for (int i = 0; i < batch.size(); i++) {
        switch (batch.state(i)) {
          case ACCEPTED -> accepted++;
          case DUPLICATE -> duplicates++;
          case FAILED, PENDING -> failed++;
          case SKIPPED -> {}
        }
      }
      span.setAttribute("messaging.batch.message_count", accepted + failed);
      span.setAttribute("auditline.events_duplicate", duplicates);
      if (failed > 0) {
        span.setAttribute("auditline.events_failed", failed);
        span.setStatus(StatusCode.ERROR, failed + " records not acknowledged by Kafka");
      }
    }
    span.end();
  }
}
