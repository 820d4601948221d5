package io.auditline.platform.tracing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Serves a {@link SpanStore} as JSON, mounted on the admin server at {@value #PATH}:
 *
 * <ul>
 *   <li>{@code GET /admin/traces?limit=N}: the most recent traces (default 20, at most 1000), each
 *       with its id, root span name, start and span count;
 *   <li>{@code GET /admin/traces/{traceId}}: every kept span of the trace, earliest first, with ids,
 *       parent, kind, status, start and end, attributes and links; then {@code linked_spans}, the
 *       spans of other traces that link to it (a batch that carried this trace's event but continues
 *       another's); 404 when no span of the trace is kept.
 * </ul>
 */
public final class TraceRoutes implements HttpHandler {

  /** Where the routes are mounted. */
  public static final String PATH = "/admin/traces";

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
  private static final Pattern LIMIT = Pattern.compile("(?:^|&)limit=([0-9]{1,4})(?:&|$)");
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 1000;

  private final SpanStore store;
  private final ObjectMapper json = new ObjectMapper();

  public TraceRoutes(SpanStore store) {
    this.store = store;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String rest = exchange.getRequestURI().getPath().substring(PATH.length());
      if (rest.isEmpty() || rest.equals("/")) {
        list(exchange);
      } else {
        String id = rest.substring(1);
        if (!rest.startsWith("/") || !TRACE_ID.matcher(id).matches()) {
          error(exchange, 400, "trace id: '%s' (expected: 32 lower-case hex digits)".formatted(id));
          return;
        }
        List<SpanData> spans = store.trace(id);
        if (spans.isEmpty()) {
          error(exchange, 404, "no spans of trace %s are kept (sampled out, or older than the last %d spans)"
              .formatted(id, store.capacity()));
          return;
        }
        ObjectNode body = json.createObjectNode().put("trace_id", id);
        ArrayNode array = body.putArray("spans");
        spans.forEach(span -> array.add(span(span)));
        ArrayNode linked = body.putArray("linked_spans");
        store.linkedTo(id).forEach(span -> linked.add(span(span)));
        respond(exchange, 200, body);
      }
    }
  }

  private void list(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    int limit = DEFAULT_LIMIT;
    if (query != null && query.contains("limit=")) {
      var m = LIMIT.matcher(query);
      if (!m.find() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > MAX_LIMIT) {
        error(exchange, 400, "limit: '%s' (expected: 1..%d)".formatted(query, MAX_LIMIT));
        return;
      }
      limit = Integer.parseInt(m.group(1));
    }
    ObjectNode body = json.createObjectNode();
    ArrayNode traces = body.putArray("traces");
    for (SpanStore.TraceSummary t : store.recent(limit)) {
      traces.addObject()
          .put("trace_id", t.traceId())
          .put("root", t.rootName())
          .put("start", instant(t.startEpochNanos()))
          .put("spans", t.spans());
    }
    respond(exchange, 200, body);
  }

  private ObjectNode span(SpanData span) {
    ObjectNode node = json.createObjectNode()
        .put("name", span.getName())
        .put("trace_id", span.getTraceId())
        .put("span_id", span.getSpanId());
    SpanContext parent = span.getParentSpanContext();
    if (parent.isValid()) {
      node.put("parent_span_id", parent.getSpanId());
    } else {
      node.putNull("parent_span_id");
    }
    node.put("kind", span.getKind().name())
        .put("service", span.getResource().getAttribute(io.opentelemetry.api.common.AttributeKey.stringKey("service.name")))
        .put("start", instant(span.getStartEpochNanos()))
        .put("end", instant(span.getEndEpochNanos()))
        .put("duration_us", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1_000)
        .put("status", span.getStatus().getStatusCode().name());
    if (!span.getStatus().getDescription().isEmpty()) {
      node.put("status_message", span.getStatus().getDescription());
    }
    node.set("attributes", attributes(span.getAttributes()));
    ArrayNode links = node.putArray("links");
    for (LinkData link : span.getLinks()) {
      ObjectNode l = links.addObject()
          .put("trace_id", link.getSpanContext().getTraceId())
          .put("span_id", link.getSpanContext().getSpanId());
      if (!link.getAttributes().isEmpty()) {
        l.set("attributes", attributes(link.getAttributes()));
      }
    }
    if (span.getTotalRecordedLinks() > span.getLinks().size()) {
      node.put("links_dropped", span.getTotalRecordedLinks() - span.getLinks().size());
    }
    return node;
  }

  private ObjectNode attributes(Attributes attributes) {
    ObjectNode node = json.createObjectNode();
    attributes.forEach((key, value) -> node.set(key.getKey(), json.valueToTree(value)));
    return node;
  }

  private static String instant(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos).toString();
  }

  private void error(HttpExchange exchange, int status, String message) throws IOException {
    respond(exchange, status, json.createObjectNode().put("error", message));
  }

  private void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
