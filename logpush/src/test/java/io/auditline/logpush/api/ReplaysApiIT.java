package io.auditline.logpush.api;

import static io.auditline.logpush.api.LogpushApi.job;
import static io.auditline.logpush.api.LogpushApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replays over HTTP: created as pending rows, listed and read with progress; every bad range refused by field. */
class ReplaysApiIT {

  private static final String JOBS = "/v1/accounts/acct-r/logpush/jobs";
  private static LogpushApi api;
  private static String writer;
  private static String replays;

  @BeforeAll
  static void setUp() throws Exception {
    api = new LogpushApi("replays_api_it");
    writer = api.token("acct-r", Scope.LOGPUSH_WRITE);
    String jobId = api.createJob("acct-r", writer, job("replayed", "fake://replays/x",
        "\"ownership\": \"verify_credentials\"")).get("id").asText();
    replays = JOBS + "/" + jobId + "/replays";
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  @Test
  void createsListsAndReadsAReplay() throws Exception {
    HttpResponse<String> created = api.post(replays, writer, range("2025-05-01T00:00:00Z", "2025-05-02T00:00:00+02:00"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    JsonNode replay = json(created).get("result");
    String id = replay.get("id").asText();
    assertThat(created.headers().firstValue("Location")).hasValue(replays + "/" + id);
    assertThat(replay.get("state").asText()).isEqualTo("pending");
    assertThat(replay.get("since").asText()).isEqualTo("2025-05-01T00:00:00Z");
    assertThat(replay.get("before").asText()).isEqualTo("2025-05-01T22:00:00Z");
    assertThat(replay.get("progress_percent").isNull()).isTrue();
    assertThat(replay.get("key_prefix").asText()).isEqualTo("replays/" + id + "/");

    assertThat(json(api.get(replays, writer)).get("result")).anySatisfy(r -> assertThat(r.get("id").asText()).isEqualTo(id));
    api.sql("UPDATE logpush_replays SET state = 'running', source = 'store', total_records = 200, delivered_records = 50,"
        + " objects = 1 WHERE id = '" + id + "'");
    JsonNode running = json(api.get(replays + "/" + id, writer)).get("result");
    assertThat(running.get("state").asText()).isEqualTo("running");
    assertThat(running.get("source").asText()).isEqualTo("store");
    assertThat(running.get("progress_percent").asInt()).isEqualTo(25);
    assertThat(api.get(replays + "/" + UUID.randomUUID(), writer).statusCode()).isEqualTo(404);
    assertThat(api.get(replays + "/nope", writer).statusCode()).isEqualTo(404);
  }

  @Test
  void refusesEachBadRangeByField() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    assertRefused(range("2025-05-02T00:00:00Z", "2025-05-01T00:00:00Z"), "since", "is not before");
    assertRefused(range("2025-05-01T00:00:00Z", "2025-05-01T00:00:00Z"), "since", "is not before");
    assertRefused(range(now.minusSeconds(60).toString(), now.plusSeconds(3600).toString()), "before", "in the future");
    assertRefused(range("2025-01-01T00:00:00Z", "2025-02-01T00:00:01Z"), "before", "longer than 31 days");
    assertRefused("{\"before\": \"2025-05-01T00:00:00Z\"}", "since", "required");
    assertRefused(range("yesterday", "2025-05-01T00:00:00Z"), "since", "not an RFC 3339 time");
    assertRefused(range("2025-05-01T00:00:00", "2025-05-02T00:00:00Z"), "since", "not an RFC 3339 time");
    assertRefused("{\"since\": 1, \"before\": \"2025-05-01T00:00:00Z\", \"job\": \"x\"}", "since", "as a string");
    assertThat(api.post(replays, writer, range("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z")).statusCode()).isEqualTo(202);
  }

  @Test
  void aJobWithoutAProvenDestinationCannotReplay() throws Exception {
    String unproven = api.createJob("acct-r", writer, job("unproven", "fake://replays/y", "")).get("id").asText();
    HttpResponse<String> r = api.post(JOBS + "/" + unproven + "/replays", writer, range("2025-05-01T00:00:00Z", "2025-05-02T00:00:00Z"));
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(json(r).get("detail").asText()).contains("not proven");
    String other = api.token("acct-r2", Scope.LOGPUSH_WRITE);
    assertThat(api.post(replays.replace("acct-r/", "acct-r2/"), other, range("2025-05-01T00:00:00Z", "2025-05-02T00:00:00Z"))
        .statusCode()).isEqualTo(404);
  }

  private static void assertRefused(String body, String field, String reason) throws Exception {
    HttpResponse<String> r = api.post(replays, writer, body);
    assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(422);
    assertThat(json(r).get("invalid_params")).as(body).anySatisfy(p -> {
      assertThat(p.get("name").asText()).isEqualTo(field);
      assertThat(p.get("reason").asText()).contains(reason);
    });
  }

  private static String range(String since, String before) {
    return "{\"since\": \"%s\", \"before\": \"%s\"}".formatted(since, before);
  }
}
