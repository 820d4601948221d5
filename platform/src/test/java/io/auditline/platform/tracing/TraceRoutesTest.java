package io.auditline.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TraceRoutesTest {

  final SpanStore store = new SpanStore(3);
  final OpenTelemetrySdk otel = Tracing.create("test-service", 1.0, List.of(store));
  final Tracer tracer = otel.getTracer("test");
  HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(TraceRoutes.PATH, new TraceRoutes(store));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    otel.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesOneTraceWithParentsAttributesAndLinks() throws Exception {
    Span root = tracer.spanBuilder("root").setSpanKind(SpanKind.SERVER).setAttribute("auditline.events", 1L).startSpan();
    Span child = tracer.spanBuilder("child").setParent(Context.root().with(root)).addLink(root.getSpanContext()).startSpan();
    child.end();
    root.end();
    String traceId = root.getSpanContext().getTraceId();

    HttpResponse<String> response = get("/admin/traces/" + traceId);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode spans = new ObjectMapper().readTree(response.body()).get("spans");
    assertThat(spans).hasSize(2);
    assertThat(spans.get(0).get("name").asText()).isEqualTo("root");
    assertThat(spans.get(0).get("parent_span_id").isNull()).isTrue();
    assertThat(spans.get(0).get("kind").asText()).isEqualTo("SERVER");
    assertThat(spans.get(0).get("service").asText()).isEqualTo("test-service");
    assertThat(spans.get(0).get("attributes").get("auditline.events").asLong()).isEqualTo(1);
    assertThat(spans.get(1).get("parent_span_id").asText()).isEqualTo(root.getSpanContext().getSpanId());
    assertThat(spans.get(1).get("links").get(0).get("span_id").asText()).isEqualTo(root.getSpanContext().getSpanId());
    assertThat(spans.get(1).get("start").asText()).endsWith("Z");
    assertThat(new ObjectMapper().readTree(response.body()).get("linked_spans")).isEmpty();
  }

  @Test
  void listsTheSpansOfOtherTracesThatLinkToTheTrace() throws Exception {
    Span event = tracer.spanBuilder("event").startSpan();
    event.end();
    Span other = tracer.spanBuilder("other-event").startSpan();
    other.end();
    tracer.spanBuilder("batch").setParent(Context.root().with(other)).addLink(event.getSpanContext()).startSpan().end();

    JsonNode body = new ObjectMapper().readTree(get("/admin/traces/" + event.getSpanContext().getTraceId()).body());

    assertThat(body.get("spans")).hasSize(1);
    assertThat(body.get("linked_spans")).hasSize(1);
    assertThat(body.get("linked_spans").get(0).get("name").asText()).isEqualTo("batch");
  }

  @Test
  void listsRecentTracesNewestFirstWithTheirRootSpan() throws Exception {
    for (String name : List.of("first", "second")) {
      Span root = tracer.spanBuilder(name).startSpan();
      tracer.spanBuilder(name + "-child").setParent(Context.root().with(root)).startSpan().end();
      root.end();
    }

    JsonNode traces = new ObjectMapper().readTree(get("/admin/traces?limit=5").body()).get("traces");

    // Capacity 3: the first trace lost its oldest span, the child; what is left of it is its root.
    assertThat(traces).hasSize(2);
    assertThat(traces.get(0).get("root").asText()).isEqualTo("second");
    assertThat(traces.get(0).get("spans").asInt()).isEqualTo(2);
    assertThat(traces.get(1).get("root").asText()).isEqualTo("first");
    assertThat(new ObjectMapper().readTree(get("/admin/traces?limit=1").body()).get("traces")).hasSize(1);
  }

  @Test
  void answersUnknownAndMalformedIdsPrecisely() throws Exception {
    assertThat(get("/admin/traces/0af7651916cd43dd8448eb211c80319c").statusCode()).isEqualTo(404);
    assertThat(get("/admin/traces/not-a-trace").statusCode()).isEqualTo(400);
    assertThat(get("/admin/traces?limit=0").statusCode()).isEqualTo(400);
  }
}
