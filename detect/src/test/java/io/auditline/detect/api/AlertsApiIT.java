package io.auditline.detect.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.detect.alert.Alert;
import io.auditline.detect.alert.AlertRepository;
import io.auditline.detect.notify.NamedCount;
import io.auditline.detect.policy.Channel;
import io.auditline.store.token.Scope;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alert history through the real API server: listing, paging, one alert with its notifications, scoping. */
class AlertsApiIT {

  private static final Instant T = Instant.parse("2026-11-26T21:00:00Z");
  private static DetectApi api;
  private static AlertRepository alerts;
  private static final UUID POLICY = UUID.randomUUID();
  private static final List<Channel> CHANNELS =
      List.of(new Channel.Webhook(URI.create("https://hooks.example.com/x"), Optional.empty()));

  @BeforeAll
  static void setUp() {
    api = new DetectApi("alerts_api_it", Clock.systemUTC());
    alerts = new AlertRepository(api.db.dataSource);
    for (int i = 0; i < 3; i++) {
      Instant start = T.plusSeconds(600L * i);
      alerts.open(alert("acc-a", "zone-" + i, start), CHANNELS);
    }
    alerts.resolve(Alert.idFor(POLICY, "zone-0", T), T.plusSeconds(1200), CHANNELS);
    alerts.open(alert("acc-b", "zone-b", T), CHANNELS);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  private static Alert alert(String account, String zone, Instant start) {
    return new Alert(Alert.idFor(POLICY, zone, start), account, POLICY, "attacks", zone, "ours", Alert.State.FIRING, start,
        start, Optional.empty(), start, start.plusSeconds(60), 700, 20.5, 0.9, 0.5, List.of(new NamedCount("r1", 650)),
        List.of(new NamedCount("203.0.113.9", 690)), List.of(new NamedCount("DE", 700)));
  }

  @Test
  void listsNewestFirstWithCursorPaging() throws Exception {
    String token = api.token("acc-a", Scope.AUDIT_LOGS_READ);
    HttpResponse<String> first = api.get("/v1/accounts/acc-a/alerts?limit=2", token);
    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode page = DetectApi.JSON.readTree(first.body());
    assertThat(page.path("result")).extracting(n -> n.path("zone_id").asText()).containsExactly("zone-2", "zone-1");
    String cursor = page.path("result_info").path("cursor").asText();

    JsonNode second = DetectApi.JSON.readTree(api.get("/v1/accounts/acc-a/alerts?limit=2&cursor=" + cursor, token).body());
    assertThat(second.path("result")).extracting(n -> n.path("zone_id").asText()).containsExactly("zone-0");
    assertThat(second.path("result_info").path("cursor").isNull()).isTrue();

    JsonNode resolved = DetectApi.JSON.readTree(api.get("/v1/accounts/acc-a/alerts?state=resolved", token).body());
    assertThat(resolved.path("result")).hasSize(1);
    assertThat(resolved.path("result").get(0).path("resolved_at").asText()).isEqualTo(T.plusSeconds(1200).toString());
  }

  @Test
  void oneAlertCarriesItsNotifications() throws Exception {
    String token = api.token("acc-a", Scope.ALERTS_WRITE);
    UUID id = Alert.idFor(POLICY, "zone-0", T);
    HttpResponse<String> response = api.get("/v1/accounts/acc-a/alerts/" + id, token);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode alert = DetectApi.JSON.readTree(response.body()).path("result");
    assertThat(alert.path("state").asText()).isEqualTo("resolved");
    assertThat(alert.path("observed").asLong()).isEqualTo(700);
    assertThat(alert.path("top_client_ips").get(0).path("name").asText()).isEqualTo("203.0.113.9");
    assertThat(alert.path("notifications")).extracting(n -> n.path("state").asText() + "/" + n.path("status").asText())
        .containsExactly("firing/pending", "resolved/pending");
  }

  @Test
  void anotherAccountsAlertsAreInvisible() throws Exception {
    String token = api.token("acc-a", Scope.AUDIT_LOGS_READ);
    UUID foreign = Alert.idFor(POLICY, "zone-b", T);
    assertThat(api.get("/v1/accounts/acc-a/alerts/" + foreign, token).statusCode()).isEqualTo(404);
    assertThat(api.get("/v1/accounts/acc-b/alerts", token).statusCode()).isEqualTo(404);
    JsonNode mine = DetectApi.JSON.readTree(api.get("/v1/accounts/acc-a/alerts", token).body());
    assertThat(mine.path("result")).extracting(n -> n.path("zone_id").asText()).doesNotContain("zone-b");
  }

  @Test
  void badParametersAreNamed() throws Exception {
    String token = api.token("acc-a", Scope.AUDIT_LOGS_READ);
    HttpResponse<String> response = api.get("/v1/accounts/acc-a/alerts?state=open&limit=0&cursor=nope&colour=red", token);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("state", "limit", "cursor", "colour");
  }
}
