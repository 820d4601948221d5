package io.auditline.logpush.api;

import static io.auditline.logpush.api.LogpushApi.job;
import static io.auditline.logpush.api.LogpushApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jobs over HTTP: the round trip, paging, tenant isolation, access rules and name conflicts. */
class JobsApiIT {

  static final String SECRET = "Sup3rS3cretKey-4711";
  static final String DEST = "fake://bucket-a/logs/{DATE}?secret=" + SECRET;
  private static final String JOBS = "/v1/accounts/acct-a/logpush/jobs";
  private static LogpushApi api;
  private static String writerA;
  private static String writerB;

  @BeforeAll
  static void setUp() {
    api = new LogpushApi("jobs_api_it");
    writerA = api.token("acct-a", Scope.LOGPUSH_WRITE);
    writerB = api.token("acct-b", Scope.LOGPUSH_WRITE);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  @Test
  void createsReadsUpdatesAndDeletesAJobWithoutEverShowingTheSecret() throws Exception {
    List<HttpResponse<String>> responses = new ArrayList<>();
    HttpResponse<String> created = api.post(JOBS, writerA, job("round-trip", DEST,
        "\"output_options\": {\"format\": \"ndjson\"}, \"filter\": {\"where\": {\"key\": \"actor.type\"}},"
            + " \"max_age\": \"45s\", \"max_records\": 500"));
    responses.add(created);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode job = json(created).get("result");
    String path = JOBS + "/" + job.get("id").asText();
    assertThat(job.get("destination").asText()).isEqualTo("fake://bucket-a/logs/{DATE}?secret=REDACTED");
    assertThat(job.get("dataset").asText()).isEqualTo("audit_logs");
    assertThat(job.at("/output_options/format").asText()).isEqualTo("ndjson");
    assertThat(job.at("/filter/where/key").asText()).isEqualTo("actor.type");
    assertThat(job.get("max_age").asText()).isEqualTo("45s");
    assertThat(job.get("max_records").asInt()).isEqualTo(500);
    assertThat(job.get("max_bytes").asLong()).isEqualTo(100_000_000L);
    assertThat(job.get("enabled").asBoolean()).isFalse();
    assertThat(job.get("ownership_verified_at").isNull()).isTrue();
    assertThat(job.get("revision").asLong()).isEqualTo(1);
    assertThat(job.get("start_at").asText()).isEqualTo(job.get("created_at").asText());
    assertThat(job.at("/health/lag_records").asLong()).isZero();
    assertThat(job.at("/health/lag_seconds").asLong()).isZero();
    assertThat(job.at("/health/healthy").asBoolean()).isTrue();
    assertThat(job.at("/health/dead_letters_pending").asLong()).isZero();
    assertThat(job.at("/health/last_complete").isNull()).isTrue();

    HttpResponse<String> read = api.get(path, writerA);
    responses.add(read);
    assertThat(json(read).get("result")).isEqualTo(job);
    HttpResponse<String> listed = api.get(JOBS, writerA);
    responses.add(listed);
    assertThat(json(listed).get("result")).anySatisfy(j -> assertThat(j.get("id")).isEqualTo(job.get("id")));

    HttpResponse<String> patched = api.patch(path, writerA, "{\"name\": \"renamed\", \"max_age\": 60, \"filter\": null}");
    responses.add(patched);
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    JsonNode after = json(patched).get("result");
    assertThat(after.get("name").asText()).isEqualTo("renamed");
    assertThat(after.get("max_age").asText()).isEqualTo("1m");
    assertThat(after.get("filter").isNull()).isTrue();
    assertThat(after.get("max_records").asInt()).isEqualTo(500);
    assertThat(after.get("revision").asLong()).isEqualTo(2);
    assertThat(Instant.parse(after.get("updated_at").asText())).isAfterOrEqualTo(Instant.parse(job.get("updated_at").asText()));
    HttpResponse<String> unchanged = api.patch(path, writerA, "{\"name\": \"renamed\"}");
    responses.add(unchanged);
    assertThat(json(unchanged).at("/result/revision").asLong()).isEqualTo(2);
    HttpResponse<String> newDestination = api.patch(path, writerA, "{\"destination\": \"fake://bucket-b/x?secret=" + SECRET + "2\"}");
    responses.add(newDestination);
    assertThat(json(newDestination).at("/result/revision").asLong()).isEqualTo(3);

    assertThat(api.delete(path, writerA).statusCode()).isEqualTo(204);
    assertThat(api.get(path, writerA).statusCode()).isEqualTo(404);
    assertThat(api.delete(path, writerA).statusCode()).isEqualTo(404);
    assertThat(api.patch(path, writerA, "{\"name\": \"x\"}").statusCode()).isEqualTo(404);
    responses.forEach(r -> assertThat(r.body()).doesNotContain(SECRET));
  }

  @Test
  void pagesThroughAnAccountsJobsWithACursor() throws Exception {
    String jobs = "/v1/accounts/acct-pages/logpush/jobs";
    String token = api.token("acct-pages", Scope.LOGPUSH_WRITE);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(api.createJob("acct-pages", token, job("page-" + i, DEST, "")).get("id").asText());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode body = json(api.get(jobs + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), token));
      body.get("result").forEach(j -> seen.add(j.get("id").asText()));
      assertThat(body.at("/result_info/count").asInt()).isEqualTo(body.get("result").size());
      cursor = body.at("/result_info/cursor").isNull() ? null : body.at("/result_info/cursor").asText();
      pages++;
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(3);
    for (String bad : List.of("limit=0", "limit=101", "limit=ten", "cursor=nonsense", "colour=red")) {
      HttpResponse<String> r = api.get(jobs + "?" + bad, token);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(json(r).at("/invalid_params/0/name").asText()).isEqualTo(bad.substring(0, bad.indexOf('=')));
    }
  }

  @Test
  void anotherAccountsJobsAreInvisible() throws Exception {
    JsonNode jobB = api.createJob("acct-b", writerB, job("b-only", DEST, ""));
    String idB = jobB.get("id").asText();
    JsonNode missing = json(api.get(JOBS + "/" + UUID.randomUUID(), writerA));
    List<HttpResponse<String>> attempts = List.of(
        api.get(JOBS + "/" + idB, writerA),
        api.patch(JOBS + "/" + idB, writerA, "{\"name\": \"stolen\"}"),
        api.delete(JOBS + "/" + idB, writerA),
        api.get(JOBS + "/" + idB + "/dead-letters", writerA),
        api.get(JOBS + "/" + idB + "/replays", writerA),
        api.get(JOBS + "/not-a-uuid", writerA),
        api.get("/v1/accounts/acct-b/logpush/jobs", writerA),
        api.get("/v1/accounts/acct-b/logpush/jobs/" + idB, writerA),
        api.delete("/v1/accounts/acct-b/logpush/jobs/" + idB, writerA),
        api.post("/v1/accounts/acct-b/logpush/jobs", writerA, job("planted", DEST, "")),
        api.post("/v1/accounts/acct-b/logpush/ownership", writerA, "{\"destination\": \"" + DEST + "\"}"));
    for (HttpResponse<String> r : attempts) {
      assertThat(r.statusCode()).as(r.request().method() + " " + r.request().uri()).isEqualTo(404);
      assertThat(json(r)).isEqualTo(missing);
      assertThat(r.body()).doesNotContain("b-only");
    }
    assertThat(api.get(JOBS, writerA).body()).doesNotContain(idB).doesNotContain("b-only");
    assertThat(json(api.get("/v1/accounts/acct-b/logpush/jobs/" + idB, writerB)).at("/result/name").asText()).isEqualTo("b-only");
  }

  @Test
  void everyEndpointNeedsATokenWithLogpushWrite() throws Exception {
    String reader = api.token("acct-a", Scope.AUDIT_LOGS_READ);
    String id = UUID.randomUUID().toString();
    List<String[]> endpoints = List.of(new String[] {"GET", JOBS}, new String[] {"POST", JOBS}, new String[] {"GET", JOBS + "/" + id},
        new String[] {"PATCH", JOBS + "/" + id}, new String[] {"DELETE", JOBS + "/" + id},
        new String[] {"POST", "/v1/accounts/acct-a/logpush/ownership"}, new String[] {"GET", JOBS + "/" + id + "/dead-letters"},
        new String[] {"POST", JOBS + "/" + id + "/dead-letters/redrive"}, new String[] {"GET", JOBS + "/" + id + "/replays"},
        new String[] {"POST", JOBS + "/" + id + "/replays"});
    for (String[] e : endpoints) {
      String body = e[0].equals("POST") || e[0].equals("PATCH") ? "{}" : null;
      HttpResponse<String> anonymous = api.send(e[0], e[1], null, body);
      assertThat(anonymous.statusCode()).as("%s %s", e[0], e[1]).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      HttpResponse<String> readOnly = api.send(e[0], e[1], reader, body);
      assertThat(readOnly.statusCode()).as("%s %s", e[0], e[1]).isEqualTo(403);
      assertThat(json(readOnly).get("detail").asText()).contains("logpush:write");
    }
    assertThat(api.get("/v1/logpush/openapi.yaml", null).body()).contains("/v1/accounts/{account}/logpush/jobs");
  }

  @Test
  void namesAreUniquePerAccount() throws Exception {
    api.createJob("acct-a", writerA, job("unique", DEST, ""));
    HttpResponse<String> again = api.post(JOBS, writerA, job("unique", DEST, ""));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).get("detail").asText()).contains("\"unique\"");
    String other = api.createJob("acct-a", writerA, job("other", DEST, "")).get("id").asText();
    assertThat(api.patch(JOBS + "/" + other, writerA, "{\"name\": \"unique\"}").statusCode()).isEqualTo(409);
    api.createJob("acct-b", writerB, job("unique", DEST, ""));
  }
}
