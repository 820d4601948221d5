package io.auditline.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.auditline.platform.net.AddressGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback in the test JVM. */
class WebhookNotifierIT {

  private static final String SECRET = "whsec_it_0123456789abcdef";
  private static final AddressGuard LOOPBACK_ALLOWED = AddressGuard.allowing(List.of("127.0.0.0/8"));

  private record Received(Map<String, String> headers, byte[] body) {}

  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final LinkedBlockingQueue<Integer> statuses = new LinkedBlockingQueue<>();
  private HttpServer server;
  private final SignatureVerifier verifier = new SignatureVerifier(SECRET);

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.getFirst()));
      received.add(new Received(headers, body));
      Integer status = statuses.poll();
      exchange.sendResponseHeaders(status == null ? 204 : status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
  }

  @Test
  void postsTheSignedPayload() throws IOException {
    try (WebhookNotifier notifier = notifier(url("127.0.0.1"), LOOPBACK_ALLOWED)) {
      assertThat(notifier.send(Notifications.firing())).isInstanceOf(NotifyOutcome.Delivered.class);
    }

    assertThat(received).hasSize(1);
    Received r = received.peek();
    assertThat(r.headers()).containsEntry("Content-Type", "application/json; charset=UTF-8")
        .containsEntry("X-Auditline-Delivery", Notifications.firing().deliveryId())
        .containsEntry("User-Agent", WebhookNotifier.USER_AGENT);
    JsonNode json = new ObjectMapper().readTree(r.body());
    assertThat(json.path("type").asText()).isEqualTo("alert.firing");
    assertThat(json.path("zone_id").asText()).isEqualTo("shop.example.com");
    assertThat(json.path("account_id").asText()).isEqualTo("acc-1");
    assertThat(json.path("alert_id").asText()).isEqualTo("alert-42");
    assertThat(json.path("window").path("start").asText()).isEqualTo("2026-11-26T21:00:00Z");
    assertThat(json.path("window").path("seconds").asLong()).isEqualTo(300);
    assertThat(json.path("observed").asLong()).isEqualTo(5120);
    assertThat(json.path("expected").asDouble()).isEqualTo(140.5);
    assertThat(json.path("score").asDouble()).isEqualTo(0.97);
    assertThat(json.path("threshold").asDouble()).isEqualTo(0.5);
    assertThat(json.path("top_rules").get(0).path("name").asText()).isEqualTo("sqli-942100");
    assertThat(json.path("top_client_ips").get(0).path("count").asLong()).isEqualTo(3900);
    assertThat(json.path("top_countries")).hasSize(2);
    assertThat(json.path("policy").path("name").asText()).isEqualTo("Attack alerts");
    assertThat(json.path("occurred_at").asText()).isEqualTo("2026-11-26T21:05:03Z");
  }

  @Test
  void receiverVerifiesTheSignatureAndDetectsTampering() throws IOException {
    try (WebhookNotifier notifier = notifier(url("127.0.0.1"), LOOPBACK_ALLOWED)) {
      notifier.send(Notifications.firing());
    }

    Received r = received.peek();
    String signature = r.headers().get(WebhookSignature.HEADER);
    assertThat(verifier.verify(signature, r.body())).isTrue();
    byte[] tampered = new String(r.body(), StandardCharsets.UTF_8).replace("5120", "9999").getBytes(StandardCharsets.UTF_8);
    assertThat(verifier.verify(signature, tampered)).isFalse();
    assertThat(new SignatureVerifier("another-secret-0123456789").verify(signature, r.body())).isFalse();
  }

  @Test
  void retriesA503AndDeliversOnceWithTheSameDeliveryId() {
    statuses.add(503);
    statuses.add(200);
    try (WebhookNotifier notifier = notifier(url("127.0.0.1"), LOOPBACK_ALLOWED)) {
      Backoff backoff = new Backoff(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1));
      NotifyOutcome outcome = new RetryingNotifier(notifier, backoff, d -> {}, () -> 0.5).send(Notifications.firing());

      assertThat(outcome).isInstanceOf(NotifyOutcome.Delivered.class);
    }

    assertThat(received).hasSize(2);
    assertThat(received).extracting(r -> r.headers().get("X-Auditline-Delivery")).containsOnly(Notifications.firing().deliveryId());
    assertThat(received).allSatisfy(r -> assertThat(verifier.verify(r.headers().get(WebhookSignature.HEADER), r.body())).isTrue());
  }

  @Test
  void a400IsRejected() {
    statuses.add(400);
    try (WebhookNotifier notifier = notifier(url("127.0.0.1"), LOOPBACK_ALLOWED)) {
      assertThat(notifier.send(Notifications.firing()))
          .isInstanceOfSatisfying(NotifyOutcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo("client_error"));
    }
  }

  @Test
  void a429IsRetriedAfterTheReceiversDelay() throws IOException {
    server.removeContext("/hook");
    server.createContext("/hook", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().add("Retry-After", "17");
      exchange.sendResponseHeaders(429, -1);
      exchange.close();
    });
    try (WebhookNotifier notifier = notifier(url("127.0.0.1"), LOOPBACK_ALLOWED)) {
      assertThat(notifier.send(Notifications.firing())).isInstanceOfSatisfying(NotifyOutcome.Retry.class, r -> {
        assertThat(r.reason()).isEqualTo("throttled");
        assertThat(r.retryAfter()).contains(Duration.ofSeconds(17));
      });
    }
  }

  @Test
  void aReceiverThatDripsItsAnswerTimesOut() {
    server.removeContext("/hook");
    server.createContext("/hook", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, 0);
      try (var out = exchange.getResponseBody()) {
        // A byte well within the socket timeout, for longer than the whole-request deadline; ends when the client hangs up.
        for (int i = 0; i < 100; i++) {
          out.write('x');
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException clientGone) {
        // expected
      }
    });
    WebhookSettings settings = new WebhookSettings(url("127.0.0.1"), SECRET, Duration.ofMillis(800));
    try (WebhookNotifier notifier = new WebhookNotifier(settings, LOOPBACK_ALLOWED, Clock.systemUTC())) {
      assertThat(notifier.send(Notifications.firing()))
          .isInstanceOfSatisfying(NotifyOutcome.Retry.class, r -> assertThat(r.reason()).isEqualTo("timeout"));
    }
  }

  @Test
  void refusesInternalAddressesWithoutConnecting() {
    AddressGuard publicOnly = AddressGuard.publicOnly();
    for (String host : List.of("127.0.0.1", "localhost", "10.0.0.1", "[::1]")) {
      try (WebhookNotifier notifier = notifier(url(host), publicOnly)) {
        assertThat(notifier.send(Notifications.firing())).as(host)
            .isInstanceOfSatisfying(NotifyOutcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo("address_refused"));
      }
    }
    assertThat(received).isEmpty();
  }

  @Test
  void refusesPlainHttpToAPublicAddress() {
    // A name that resolves to a public address: plain http there would expose the payload.
    AddressGuard guard = LOOPBACK_ALLOWED.withResolver(host -> List.of(InetAddress.getByAddress(host, new byte[] {8, 8, 8, 8})));
    try (WebhookNotifier notifier = notifier(URI.create("http://hooks.example.com/hook"), guard)) {
      assertThat(notifier.send(Notifications.firing()))
          .isInstanceOfSatisfying(NotifyOutcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo("address_refused");
            assertThat(r.message()).contains("plain http");
          });
    }
  }

  private URI url(String host) {
    return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/hook");
  }

  private static WebhookNotifier notifier(URI url, AddressGuard guard) {
    return new WebhookNotifier(new WebhookSettings(url, SECRET, Duration.ofSeconds(5)), guard, Clock.systemUTC());
  }
}
