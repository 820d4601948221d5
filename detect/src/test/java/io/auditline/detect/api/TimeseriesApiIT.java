package io.auditline.detect.api;

import static io.auditline.detect.api.DetectApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.detect.rollup.Delivery;
import io.auditline.detect.rollup.RollupStore;
import io.auditline.detect.rollup.SecurityObservation;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The time series over HTTP: buckets, filters, access rules and precise parameter errors. */
class TimeseriesApiIT {

  static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
  static final String SERIES = "/v1/accounts/acct-a/zones/z1/security-events/timeseries";
  private static DetectApi api;
  private static String reader;
  private static String alerts;

  @BeforeAll
  static void setUp() {
    api = new DetectApi("timeseries_api_it", Clock.fixed(T.plusSeconds(3600), ZoneOffset.UTC));
    reader = api.token("acct-a", Scope.AUDIT_LOGS_READ);
    alerts = api.token("acct-a", Scope.ALERTS_WRITE);
    List<Delivery> d = new ArrayList<>();
    // Minute m gets m+1 events: blocks by rule r1, and every third one a challenge by rule r2.
    for (int m = 0; m < 10; m++) {
      for (int n = 0; n <= m; n++) {
        boolean challenge = n % 3 == 2;
        d.add(new Delivery("t", 0, d.size(), Optional.of(new SecurityObservation("z1", "acct-a",
            T.plusSeconds(60L * m + n), challenge ? "challenge" : "block", "waf", challenge ? "r2" : "r1",
            "10.0.0.1", "DE", "h", "/"))));
      }
    }
    d.add(new Delivery("t", 0, d.size(), Optional.of(new SecurityObservation("z9", "acct-b", T, "block", "waf",
        "r1", "", "", "", ""))));
    new RollupStore(api.db.dataSource).apply(d);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  static List<Long> counts(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<Long> counts = new ArrayList<>();
    json(r).at("/result/points").forEach(p -> counts.add(p.get("count").asLong()));
    return counts;
  }

  @Test
  void answersMinuteBucketsZeroFilled() throws Exception {
    HttpResponse<String> r = api.get(SERIES + "?from=2026-11-26T10:08:00Z&to=2026-11-26T10:12:00Z", reader);
    assertThat(counts(r)).containsExactly(9L, 10L, 0L, 0L);
    JsonNode first = json(r).at("/result/points/0");
    assertThat(first.get("start").asText()).isEqualTo("2026-11-26T10:08:00Z");
    assertThat(json(r).at("/result/step").asText()).isEqualTo("1m");
  }

  @Test
  void sumsMinutesIntoCoarserSteps() throws Exception {
    assertThat(counts(api.get(SERIES + "?from=2026-11-26T10:00:00Z&to=2026-11-26T10:15:00Z&step=5m", alerts)))
        .containsExactly(15L, 40L, 0L);
    assertThat(counts(api.get(SERIES + "?from=2026-11-26T10:00:00Z&to=2026-11-26T11:00:00Z&step=1h", reader)))
        .containsExactly(55L);
  }

  @Test
  void filtersByActionSourceOrRule() throws Exception {
    String range = "?from=2026-11-26T10:00:00Z&to=2026-11-26T10:05:00Z&step=5m";
    assertThat(counts(api.get(SERIES + range + "&action=challenge", reader))).containsExactly(3L);
    assertThat(counts(api.get(SERIES + range + "&rule=r1", reader))).containsExactly(12L);
    assertThat(counts(api.get(SERIES + range + "&source=waf", reader))).containsExactly(15L);
    assertThat(counts(api.get(SERIES + range + "&source=api_shield", reader))).containsExactly(0L);
  }

  @Test
  void defaultsToTheLastHourInMinutes() throws Exception {
    assertThat(counts(api.get(SERIES, reader))).hasSize(60);
  }

  @Test
  void appliesTheAccessRules() throws Exception {
    assertThat(api.get(SERIES, null).statusCode()).isEqualTo(401);
    assertThat(api.get(SERIES, "al_bogus_token").statusCode()).isEqualTo(401);
    String other = api.token("acct-b", Scope.AUDIT_LOGS_READ);
    HttpResponse<String> foreign = api.get(SERIES, other);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(json(foreign).get("detail").asText()).isEqualTo("The requested resource does not exist.");
    HttpResponse<String> forbidden = api.get(SERIES, api.token("acct-a", Scope.LOGPUSH_WRITE));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(json(forbidden).get("detail").asText()).contains("audit_logs:read or alerts:write");
    // Another account's zone id in acct-a's path shows nothing of acct-b.
    assertThat(counts(api.get("/v1/accounts/acct-a/zones/z9/security-events/timeseries"
        + "?from=2026-11-26T10:00:00Z&to=2026-11-26T10:01:00Z", reader))).containsExactly(0L);
  }

  @Test
  void servesItsOpenApiDocumentWithoutAToken() throws Exception {
    HttpResponse<String> r = api.get("/v1/detect/openapi.yaml", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/yaml"));
    assertThat(r.body()).contains("/v1/accounts/{account}/zones/{zone}/security-events/timeseries:")
        .contains("/v1/accounts/{account}/alert-policies/{id}:");
  }

  @Test
  void namesEveryInvalidParameterPrecisely() throws Exception {
    HttpResponse<String> r = api.get(SERIES + "?from=yesterday&to=2026-11-26T10:00:30Z&step=2m&action=block&rule=r1&x=1",
        reader);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("invalid_params")).extracting(p -> p.get("name").asText() + ": " + p.get("reason").asText())
        .containsExactlyInAnyOrder(
            "x: unknown parameter (expected: action, from, rule, source, step, to)",
            "step: \"2m\" (expected: one of 1m, 5m, 1h)",
            "to: \"2026-11-26T10:00:30Z\" (expected: a whole minute, e.g. 2026-01-01T10:15:00Z)",
            "from: \"yesterday\" (expected: an RFC 3339 time in UTC, e.g. 2026-01-01T10:15:00Z)",
            "rule: given with action (expected: at most one of action, source, rule)");
  }

  @Test
  void rejectsAnEmptyOrOversizedRange() throws Exception {
    HttpResponse<String> empty = api.get(SERIES + "?from=2026-11-26T10:05:00Z&to=2026-11-26T10:05:00Z", reader);
    assertThat(json(empty).at("/invalid_params/0/name").asText()).isEqualTo("from");
    assertThat(json(empty).at("/invalid_params/0/reason").asText()).contains("expected: before to");
    HttpResponse<String> huge = api.get(SERIES + "?from=2026-01-01T00:00:00Z&to=2026-11-26T10:00:00Z", reader);
    assertThat(huge.statusCode()).isEqualTo(400);
    assertThat(json(huge).at("/invalid_params/0/reason").asText()).contains("use a coarser step");
  }
}
