package io.auditline.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.platform.lifecycle.Health;
import io.auditline.platform.lifecycle.HealthReport;
import io.auditline.platform.lifecycle.HealthSource;
import io.auditline.platform.metrics.Metrics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminHttpServerTest {

  volatile HealthReport ready = new HealthReport(true, "RUNNING", Map.of("kafka", Health.healthy()));
  final HealthSource health = new HealthSource() {
    @Override public HealthReport liveness() {
      return new HealthReport(true, "RUNNING", Map.of());
    }
    @Override public HealthReport readiness() {
      return ready;
    }
  };
  final Metrics metrics = Metrics.create("test");
  final HttpClient client = HttpClient.newHttpClient();
  AdminHttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = new AdminHttpServer("127.0.0.1", 0, health, metrics.registry());
    server.handle("/hello", exchange -> {
      byte[] body = "hi".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
    metrics.close();
    client.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readinessIs200WithComponentStatusWhenReady() throws Exception {
    HttpResponse<String> response = get("/healthz/ready");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = new ObjectMapper().readTree(response.body());
    assertThat(json.get("status").asText()).isEqualTo("UP");
    assertThat(json.at("/components/kafka/status").asText()).isEqualTo("UP");
  }

  @Test
  void readinessIs503WithReasonWhenNotReady() throws Exception {
    ready = new HealthReport(false, "RUNNING", Map.of("kafka", Health.unhealthy("broker unreachable")));

    HttpResponse<String> response = get("/healthz/ready");

    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode json = new ObjectMapper().readTree(response.body());
    assertThat(json.get("status").asText()).isEqualTo("DOWN");
    assertThat(json.at("/components/kafka/reason").asText()).isEqualTo("broker unreachable");
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
  }

  @Test
  void livenessIs200() throws Exception {
    assertThat(get("/healthz/live").statusCode()).isEqualTo(200);
  }

  @Test
  void servesPrometheusText() throws Exception {
    metrics.registry().counter("auditline.test.requests").increment();

    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(response.body()).contains("auditline_test_requests_total{service=\"test\"} 1.0");
  }

  @Test
  void servesMountedRoutesAnd404ForOthers() throws Exception {
    assertThat(get("/hello").body()).isEqualTo("hi");
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void rejectsPostOnProbes() throws Exception {
    var post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz/live"))
        .POST(HttpRequest.BodyPublishers.noBody()).build();

    assertThat(client.send(post, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(405);
  }

  @Test
  void refusesRoutesAfterStart() {
    assertThatThrownBy(() -> server.handle("/late", exchange -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("expected: before start");
  }

  @Test
  void metricsIncludeEachComponentsHealthAtScrapeTime() throws Exception {
    assertThat(get("/metrics").body()).contains("auditline_component_healthy{component=\"kafka\",service=\"test\"} 1.0");

    ready = new HealthReport(false, "RUNNING", Map.of("kafka", Health.unhealthy("broker unreachable")));

    assertThat(get("/metrics").body()).contains("auditline_component_healthy{component=\"kafka\",service=\"test\"} 0.0");
  }
}
