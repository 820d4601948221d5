package io.auditline.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventCsv;
import io.auditline.store.query.TestStore;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiServerIT {

  private static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
  private static final String BASE = "/v1/accounts/acct-a/audit-logs";
  private static ApiFixture api;
  private static String reader;
  private static final List<AuditEvent> EVENTS = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    api = new ApiFixture("api_it");
    reader = api.token("acct-a", Scope.AUDIT_LOGS_READ);
    IntStream.range(0, 25).forEach(i -> EVENTS.add(TestStore.event("acct-a", T0.plusSeconds(i))
        .putMetadata("note", "line, with \"quotes\"").build()));
    TestStore.insert(api.ds, EVENTS);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  @Test
  void pagesThroughARangeWithCursors() throws Exception {
    List<String> seen = new ArrayList<>();
    String query = ApiFixture.query(Map.of("since", "2025-04-01T00:00:00Z", "before", "2025-04-01T01:00:00Z", "limit", "10"));
    String cursor = null;
    do {
      HttpResponse<String> r = api.get(BASE + query + (cursor == null ? "" : "&cursor=" + cursor), reader);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      JsonNode body = ApiFixture.json(r);
      body.get("result").forEach(e -> seen.add(e.get("id").asText()));
      assertThat(body.at("/result_info/count").asInt()).isEqualTo(body.get("result").size());
      cursor = body.at("/result_info/cursor").isNull() ? null : body.at("/result_info/cursor").asText();
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(EVENTS.reversed().stream().map(AuditEvent::getId).toList());
  }

  @Test
  void defaultRangeEndsNowSoOldEventsNeedASince() throws Exception {
    JsonNode body = ApiFixture.json(api.get(BASE, reader));
    assertThat(body.get("result")).isEmpty();
    Instant before = Instant.parse(body.at("/result_info/before").asText());
    Instant since = Instant.parse(body.at("/result_info/since").asText());
    assertThat(since).isEqualTo(before.minus(java.time.Duration.ofDays(30)));
  }

  @Test
  void rendersOneEventAsCustomerJson() throws Exception {
    AuditEvent e = EVENTS.get(3);
    HttpResponse<String> r = api.get(BASE + "/" + e.getId(), reader);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode event = ApiFixture.json(r).get("result");
    assertThat(event.get("id").asText()).isEqualTo(e.getId());
    assertThat(event.at("/actor/type").asText()).isEqualTo("user");
    assertThat(event.at("/action/result").asText()).isEqualTo("success");
    assertThat(event.at("/action/occurred_at").asText()).isEqualTo("2025-04-01T00:00:03Z");
    assertThat(event.at("/metadata/ticket").asText()).isEqualTo("CHG-1234");
  }

  @Test
  void missingEventIs404ProblemJson() throws Exception {
    HttpResponse<String> r = api.get(BASE + "/00000000-0000-4000-8000-000000000000", reader);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(ApiFixture.json(r).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void exportsExactlyTheRangeAsNdjson() throws Exception {
    HttpResponse<String> r = api.get(BASE + "/export" + ApiFixture.query(Map.of("format", "ndjson",
        "since", "2025-04-01T00:00:05Z", "before", "2025-04-01T00:00:15Z")), reader);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
    List<String> ids = new ArrayList<>();
    for (String line : r.body().split("\n")) {
      ids.add(ApiFixture.JSON.readTree(line).get("id").asText());
    }
    assertThat(ids).containsExactlyElementsOf(EVENTS.subList(5, 15).stream().map(AuditEvent::getId).toList());
  }

  @Test
  void exportsExactlyTheRangeAsCsv() throws Exception {
    HttpResponse<String> r = api.get(BASE + "/export" + ApiFixture.query(Map.of("format", "csv",
        "since", "2025-04-01T00:00:20Z", "before", "2025-04-01T00:00:23Z", "direction", "newest")), reader);
    assertThat(r.statusCode()).isEqualTo(200);
    String[] rows = r.body().split("\r\n");
    assertThat(rows[0]).isEqualTo(String.join(",", EventCsv.COLUMNS));
    assertThat(rows).hasSize(4);
    assertThat(rows[1]).startsWith(EVENTS.get(22).getId() + ",2025-04-01T00:00:22Z,acct-a,user,");
    assertThat(rows[1]).contains("\"{\"\"note\"\":\"\"line, with \\\"\"quotes\\\"\"\"\",\"\"ticket\"\":\"\"CHG-1234\"\"}\"");
    assertThat(rows[3]).startsWith(EVENTS.get(20).getId() + ",");
  }

  @Test
  void servesTheOpenApiDocumentWithoutAToken() throws Exception {
    HttpResponse<String> r = api.get("/v1/openapi.yaml", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).startsWith("openapi: 3.1.0").contains("/v1/accounts/{account}/audit-logs/export:");
  }

  @Test
  void unknownPathIs404ProblemJson() throws Exception {
    HttpResponse<String> r = api.get("/v1/nothing-here", reader);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }
}
