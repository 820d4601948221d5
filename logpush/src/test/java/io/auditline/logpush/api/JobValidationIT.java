package io.auditline.logpush.api;

import static io.auditline.logpush.api.JobsApiIT.DEST;
import static io.auditline.logpush.api.LogpushApi.job;
import static io.auditline.logpush.api.LogpushApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rejected job body names the JSON field at fault and why. */
class JobValidationIT {

  private static final String JOBS = "/v1/accounts/acct-v/logpush/jobs";
  private static LogpushApi api;
  private static String writer;

  @BeforeAll
  static void setUp() {
    api = new LogpushApi("job_validation_it");
    writer = api.token("acct-v", Scope.LOGPUSH_WRITE);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  @Test
  void rejectsEachInvalidCreateFieldByItsPath() throws Exception {
    assertInvalid("POST", JOBS, "{}", "name", "required", "destination", "required");
    assertInvalid("POST", JOBS, job("x", DEST, "\"colour\": \"red\""), "colour", "unknown field");
    assertInvalid("POST", JOBS, job("x", DEST, "\"revision\": 7"), "revision", "read-only");
    assertInvalid("POST", JOBS, job("x", DEST, "\"dataset\": \"http_requests\""), "dataset", "expected: audit_logs");
    assertInvalid("POST", JOBS, job("x", "gopher://host/x", ""), "destination", "unsupported destination scheme 'gopher'");
    assertInvalid("POST", JOBS, job("x", "fake://b/../up", ""), "destination", "'..'");
    assertInvalid("POST", JOBS, "{\"name\": \"x\", \"destination\": 42}", "destination", "expected a string");
    assertInvalid("POST", JOBS, job("x".repeat(129), DEST, ""), "name", "at most 128");
    assertInvalid("POST", JOBS, job(" ", DEST, ""), "name", "must not be empty");
    assertInvalid("POST", JOBS, job("x", DEST, "\"output_options\": \"csv\""), "output_options", "expected a JSON object");
    assertInvalid("POST", JOBS, job("x", DEST, "\"output_options\": {\"format\": \"xml\"}"), "output_options.format", "'xml'");
    assertInvalid("POST", JOBS, job("x", DEST, "\"filter\": {\"where\": {\"and\": [{\"operator\": \"like\"}]}}"),
        "filter.where.and[0].operator", "'like'");
    assertInvalid("POST", JOBS, job("x", DEST, "\"max_records\": 0"), "max_records", "expected: 1 .. 1000000");
    assertInvalid("POST", JOBS, job("x", DEST, "\"max_records\": \"100\""), "max_records", "expected an integer");
    assertInvalid("POST", JOBS, job("x", DEST, "\"max_bytes\": 10"), "max_bytes", "expected: 1024 .. 1073741824");
    assertInvalid("POST", JOBS, job("x", DEST, "\"max_age\": \"2h\""), "max_age", "2h is out of range (expected: 1s .. 1h)");
    assertInvalid("POST", JOBS, job("x", DEST, "\"max_age\": \"soon\""), "max_age", "\"soon\"");
    assertInvalid("POST", JOBS, job("x", DEST, "\"max_age\": 0"), "max_age", "out of range");
    assertInvalid("POST", JOBS, job("x", DEST, "\"enabled\": \"yes\""), "enabled", "expected true or false");
    assertInvalid("POST", JOBS, job("x", DEST, "\"ownership\": \"trust_me\""), "ownership", "expected: verify_credentials");
    assertInvalid("POST", JOBS, job("x", DEST, "\"ownership\": \"verify_credentials\", \"ownership_challenge\": \"t\""),
        "ownership", "not both");
    assertThat(api.get(JOBS, writer).body()).doesNotContain("\"x\"");
  }

  @Test
  void rejectsEachInvalidPatchFieldByItsPath() throws Exception {
    String path = JOBS + "/" + api.createJob("acct-v", writer, job("patch-me", DEST, "")).get("id").asText();
    assertInvalid("PATCH", path, "{\"name\": \"\"}", "name", "must not be empty");
    assertInvalid("PATCH", path, "{\"id\": \"x\", \"health\": {}}", "id", "read-only", "health", "read-only");
    assertInvalid("PATCH", path, "{\"destination\": \"nope\"}", "destination", "no scheme");
    assertInvalid("PATCH", path, "{\"output_options\": null}", "output_options", "expected a JSON object");
    assertInvalid("PATCH", path, "{\"max_age\": \"90m\", \"max_records\": -1}", "max_age", "90m", "max_records", "-1");
    assertThat(json(api.get(path, writer)).at("/result/revision").asLong()).isEqualTo(1);
  }

  @Test
  void rejectsBodiesThatAreNotJsonObjects() throws Exception {
    for (String body : List.of("", "not json", "[1, 2]", "{\"name\": \"a\"} trailing", "{\"name\": \"a\", \"name\": \"b\"}")) {
      HttpResponse<String> r = api.post(JOBS, writer, body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(json(r).get("type").asText()).isEqualTo("urn:auditline:problem:malformed-body");
    }
  }

  private static void assertInvalid(String method, String path, String body, String... nameAndReason) throws Exception {
    HttpResponse<String> r = api.send(method, path, writer, body);
    assertThat(r.statusCode()).as(body + " -> " + r.body()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = json(r);
    assertThat(problem.get("type").asText()).isEqualTo("urn:auditline:problem:invalid-body");
    List<String> names = new ArrayList<>();
    problem.get("invalid_params").forEach(p -> names.add(p.get("name").asText()));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < nameAndReason.length; i += 2) {
      expected.add(nameAndReason[i]);
      String name = nameAndReason[i];
      String reason = nameAndReason[i + 1];
      assertThat(problem.get("invalid_params")).as(body).anySatisfy(p -> {
        assertThat(p.get("name").asText()).isEqualTo(name);
        assertThat(p.get("reason").asText()).contains(reason);
      });
    }
    assertThat(names).as(body).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(r.body()).doesNotContain(JobsApiIT.SECRET);
  }
}
