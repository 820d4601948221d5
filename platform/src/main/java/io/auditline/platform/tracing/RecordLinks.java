package io.auditline.platform.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The sampled trace contexts of the records of one batch, for a batch span that continues them: the
 * span is a child of the first sampled record's context (so a single traced event gives one connected
 * trace) and links to every collected context, up to {@code max} of them.
 *
 * <p>Built for the consumer's hot loop: a record whose {@code traceparent} is absent or not sampled
 * costs one header lookup and a byte comparison; nothing is allocated for it.
 */
public final class RecordLinks {

  /** Links kept per batch span by default; more would make one span as large as the batch. */
  public static final int DEFAULT_MAX = 128;

  static final String TRACEPARENT = "traceparent";
  // "00-" + 32 hex + "-" + 16 hex + "-" + 2 hex
  private static final int LENGTH = 55;

  private final int max;
  private final List<SpanContext> contexts = new ArrayList<>();
  private int sampled;

  /** Collects at most {@code max} contexts. */
  public RecordLinks(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max: %s (expected: > 0)".formatted(max));
    }
    this.max = max;
  }

  public RecordLinks() {
    this(DEFAULT_MAX);
  }

  /** Notes the record's trace context when it is sampled. */
  public void add(Headers headers) {
    if (headers == null) {
      return;
    }
    Header header = headers.lastHeader(TRACEPARENT);
    if (header == null) {
      return;
    }
    byte[] v = header.value();
    // The sampled flag is the lowest bit of the flags byte, i.e. of its last hex digit.
    if (v == null || v.length != LENGTH || v[0] != '0' || v[1] != '0' || (hexDigit(v[LENGTH - 1]) & 1) == 0) {
      return;
    }
    sampled++;
    if (contexts.size() < max) {
      SpanContext context = parse(v);
      if (context.isValid()) {
        contexts.add(context);
      }
    }
  }

  /** Sampled records seen, including those beyond {@code max}. */
  public int sampled() {
    return sampled;
  }

  /** The collected contexts, in the order of the records. */
  public List<SpanContext> contexts() {
    return List.copyOf(contexts);
  }

  /**
   * Starts {@code name} as a CONSUMER span: the child of the first sampled record (or a new trace, left
   * to the sampler, when none was sampled) with a link to every collected context.
   */
  public Span start(Tracer tracer, String name) {
    Context parent = contexts.isEmpty() ? Context.root() : Context.root().with(Span.wrap(contexts.getFirst()));
    SpanBuilder builder = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER);
    for (SpanContext context : contexts) {
      builder.addLink(context);
    }
    Span span = builder.startSpan();
    if (span.isRecording() && sampled > 0) {
      span.setAttribute("auditline.sampled_records", sampled);
    }
    return span;
  }

  /** Forgets everything, for the next batch. */
  public void clear() {
    contexts.clear();
    sampled = 0;
  }

  private static int hexDigit(byte c) {
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
  }

  private static SpanContext parse(byte[] v) {
    String s = new String(v, StandardCharsets.US_ASCII);
    if (s.charAt(2) != '-' || s.charAt(35) != '-' || s.charAt(52) != '-') {
      return SpanContext.getInvalid();
    }
    return SpanContext.createFromRemoteParent(
        s.substring(3, 35), s.substring(36, 52), TraceFlags.getSampled(), TraceState.getDefault());
  }
}
