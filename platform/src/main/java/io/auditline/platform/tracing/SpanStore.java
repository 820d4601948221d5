package io.auditline.platform.tracing;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the last {@code capacity} ended spans in memory, so a trace can be read without a collector
 * ({@code auditline dev} serves them at {@code /admin/traces}). Oldest spans are dropped first.
 *
 * <p>A span processor rather than an exporter: it takes each span as it ends, on the ending thread,
 * with no queue or background thread in between. Adding a span is one short lock.
 */
public final class SpanStore implements SpanProcessor {

  /** A trace as listed: its id, its root span (or the earliest kept span), how many spans are kept. */
  public record TraceSummary(String traceId, String rootName, long startEpochNanos, int spans) {}

  private final int capacity;
  private final ArrayDeque<SpanData> spans;

  /** A store that keeps at most {@code capacity} spans. */
  public SpanStore(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: %s (expected: > 0)".formatted(capacity));
    }
    this.capacity = capacity;
    this.spans = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  public int capacity() {
    return capacity;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {}

  @Override
  public boolean isStartRequired() {
    return false;
  }

  @Override
  public void onEnd(ReadableSpan span) {
    SpanData data = span.toSpanData();
    synchronized (spans) {
      if (spans.size() == capacity) {
        spans.removeFirst();
      }
      spans.addLast(data);
    }
  }

  @Override
  public boolean isEndRequired() {
    return true;
  }

  /** The kept spans of {@code traceId} (lower-case hex), earliest start first; empty when none. */
  public List<SpanData> trace(String traceId) {
    List<SpanData> found = new ArrayList<>();
    for (SpanData span : snapshot()) {
      if (span.getTraceId().equals(traceId)) {
        found.add(span);
      }
    }
    found.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
    return found;
  }

  /**
   * Kept spans of other traces that link to a span of {@code traceId}: the batch spans that carried
   * one of its events but continue another event's trace. Earliest start first.
   */
  public List<SpanData> linkedTo(String traceId) {
    List<SpanData> found = new ArrayList<>();
    for (SpanData span : snapshot()) {
      if (!span.getTraceId().equals(traceId)
          && span.getLinks().stream().anyMatch(l -> l.getSpanContext().getTraceId().equals(traceId))) {
        found.add(span);
      }
    }
    found.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
    return found;
  }

  /** Up to {@code limit} traces, the one with the most recently ended span first. */
  public List<TraceSummary> recent(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit: %s (expected: > 0)".formatted(limit));
    }
    List<SpanData> all = snapshot();
    // Newest first, so insertion order of the map is the listing order.
    Map<String, List<SpanData>> byTrace = new LinkedHashMap<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      SpanData span = all.get(i);
      List<SpanData> trace = byTrace.get(span.getTraceId());
      if (trace == null) {
        if (byTrace.size() == limit) {
          continue;
        }
        trace = new ArrayList<>();
        byTrace.put(span.getTraceId(), trace);
      }
      trace.add(span);
    }
    List<TraceSummary> summaries = new ArrayList<>(byTrace.size());
    byTrace.forEach((id, trace) -> {
      SpanData root = root(trace);
      summaries.add(new TraceSummary(id, root.getName(), root.getStartEpochNanos(), trace.size()));
    });
    return summaries;
  }

  /** The span whose parent is not in the trace (the producer's span is usually elsewhere), earliest first. */
  static SpanData root(List<SpanData> trace) {
    Set<String> ids = new HashSet<>();
    trace.forEach(s -> ids.add(s.getSpanId()));
    Comparator<SpanData> earliest = Comparator.comparingLong(SpanData::getStartEpochNanos);
    return trace.stream()
        .filter(s -> !s.getParentSpanContext().isValid() || !ids.contains(s.getParentSpanId()))
        .min(earliest)
        .orElseGet(() -> trace.stream().min(earliest).orElseThrow());
  }

  private List<SpanData> snapshot() {
    synchronized (spans) {
      return new ArrayList<>(spans);
    }
  }
}
