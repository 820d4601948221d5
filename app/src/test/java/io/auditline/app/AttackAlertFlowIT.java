package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.auditline.app.cli.SampleAttackCommand;
import io.auditline.app.cli.TokensCommand;
import io.auditline.detect.notify.SignatureVerifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through: enable an alert policy for a zone, replay a sample attack through gRPC
 * ingestion, and receive the signed webhook once the attack's minute is evaluated.
 */
class AttackAlertFlowIT {

  private static final String SECRET = "whsec_flow_it_0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Received(String signature, byte[] body) {}

  private static DevServer dev;
  private static HttpServer receiver;
  private static final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void start() throws Exception {
    dev = new DevServer();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/alerts", exchange -> {
      received.add(new Received(exchange.getRequestHeaders().getFirst("X-Auditline-Signature"),
          exchange.getRequestBody().readAllBytes()));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    dev.close();
  }

  @Test
  void aSampleAttackOnAWatchedZoneArrivesAsASignedWebhook() throws Exception {
    String account = "acct-flow-" + System.nanoTime();
    String zone = "zone-" + UUID.randomUUID().toString().substring(0, 8);
    String created = Cli.run(new TokensCommand(), 0, "create", "--dev-json", dev.devJson.toString(), "--account", account,
        "--scope", "alerts:write");
    Matcher token = Pattern.compile("(alt_[A-Za-z0-9_-]+)").matcher(created);
    assertThat(token.find()).as(created).isTrue();
    HttpClient http = HttpClient.newHttpClient();
    String policy = """
        {"name": "attacks on %s", "zones": ["%s"], "channels": [
          {"type": "webhook", "url": "http://127.0.0.1:%d/alerts", "secret": "%s"}]}"""
        .formatted(zone, zone, receiver.getAddress().getPort(), SECRET);
    HttpResponse<String> createdPolicy = http.send(HttpRequest.newBuilder(
            URI.create(dev.apiUrl() + "/v1/accounts/" + account + "/alert-policies"))
        .header("Authorization", "Bearer " + token.group(1)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(policy)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(createdPolicy.statusCode()).as(createdPolicy.body()).isEqualTo(201);

    Cli.run(new SampleAttackCommand(), 0, "--dev-json", dev.devJson.toString(), "--account", account, "--zone", zone,
        "--history-hours", "26", "--baseline", "10", "--attack", "600", "--attack-minutes", "2");

    // The attack's minute is evaluated 10 s after it ends: at most 70 s after the command, plus delivery.
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).until(() -> !received.isEmpty());
    Received firing = received.peek();
    assertThat(new SignatureVerifier(SECRET).verify(firing.signature(), firing.body())).isTrue();
    JsonNode payload = JSON.readTree(firing.body());
    assertThat(payload.path("type").asText()).isEqualTo("alert.firing");
    assertThat(payload.path("zone_id").asText()).isEqualTo(zone);
    assertThat(payload.path("account_id").asText()).isEqualTo(account);
    assertThat(payload.path("observed").asLong()).isGreaterThanOrEqualTo(100);
    assertThat(payload.path("top_rules").get(0).path("name").asText()).isEqualTo("waf-sqli-942100");
    assertThat(payload.path("top_client_ips").get(0).path("name").asText()).isEqualTo("203.0.113.66");

    HttpResponse<String> alerts = http.send(HttpRequest.newBuilder(
            URI.create(dev.apiUrl() + "/v1/accounts/" + account + "/alerts?zone=" + zone))
        .header("Authorization", "Bearer " + token.group(1)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(alerts.statusCode()).isEqualTo(200);
    JsonNode list = JSON.readTree(alerts.body()).path("result");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("id").asText()).isEqualTo(payload.path("alert_id").asText());
    assertThat(list.get(0).path("state").asText()).isEqualTo("firing");
  }
}
