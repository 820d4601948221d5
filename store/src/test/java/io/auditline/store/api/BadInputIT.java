package io.auditline.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad parameter is a 400 problem naming the parameter and what was expected. */
class BadInputIT {

  private static final String BASE = "/v1/accounts/acct-a/audit-logs";
  private static ApiFixture api;
  private static String reader;

  @BeforeAll
  static void setUp() throws Exception {
    api = new ApiFixture("bad_input_it");
    reader = api.token("acct-a", Scope.AUDIT_LOGS_READ);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  @Test
  void rejectsEachBadParameterPrecisely() throws Exception {
    assertRejected("?since=yesterday", "since", "RFC 3339");
    assertRejected("?before=2025-13-01T00:00:00Z", "before", "valid date");
    assertRejected("?since=2025-01-01", "since", "RFC 3339");
    assertRejected("?since=2025-02-01T00:00:00Z&before=2025-01-01T00:00:00Z", "since", "since < before");
    assertRejected("?since=2025-02-01T00:00:00Z&before=2025-02-01T00:00:00Z", "since", "since < before");
    assertRejected("?limit=5000", "limit", "\"5000\" (expected: an integer in 1..1000)");
    assertRejected("?limit=0", "limit", "1..1000");
    assertRejected("?limit=ten", "limit", "1..1000");
    assertRejected("?actor_ip=300.1.1.1", "actor_ip", "CIDR");
    assertRejected("?actor_ip=10.0.0.0/33", "actor_ip", "0..32");
    assertRejected("?actor_ip=example.com", "actor_ip", "CIDR");
    assertRejected("?cursor=garbage", "cursor", "result_info.cursor");
    assertRejected("?cursor=" + "A".repeat(94), "cursor", "result_info.cursor");
    assertRejected("?direction=sideways", "direction", "newest or oldest");
    assertRejected("?action_result=maybe", "action_result", "success or failure");
    assertRejected("?action_type=Zone.Update", "action_type", "dotted lower-case");
    assertRejected("?action_type=zone.update&action_type_prefix=zone.", "action_type_prefix", "at most one");
    assertRejected("?zone_id=" + "z".repeat(65), "zone_id", "at most 64");
    assertRejected("?actor_email=nobody", "actor_email", "email address");
    assertRejected("?actor_id=", "actor_id", "empty");
    assertRejected("?limit=1&limit=2", "limit", "at most once");
    assertRejected("?colour=blue", "colour", "unknown parameter");
    assertRejected("/export", "format", "ndjson or csv");
    assertRejected("/export?format=xml", "format", "ndjson or csv");
    assertRejected("/export?format=csv&limit=10", "limit", "unknown parameter");
    assertRejected("/export?format=csv&cursor=x", "cursor", "unknown parameter");
    assertRejected("/00000000-0000-4000-8000-000000000000?since=2025-01-01T00:00:00Z", "since", "unknown parameter");
  }

  @Test
  void reportsEveryBadParameterAtOnce() throws Exception {
    HttpResponse<String> r = api.get(BASE + "?since=x&limit=5000&colour=blue", reader);
    assertThat(r.statusCode()).isEqualTo(400);
    List<String> names = new ArrayList<>();
    ApiFixture.json(r).get("invalid_params").forEach(p -> names.add(p.get("name").asText()));
    assertThat(names).containsExactlyInAnyOrder("since", "limit", "colour");
  }

  private static void assertRejected(String pathAndQuery, String name, String reasonPart) throws Exception {
    HttpResponse<String> r = api.get(BASE + pathAndQuery, reader);
    assertThat(r.statusCode()).as(pathAndQuery).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    JsonNode problem = ApiFixture.json(r);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("type").asText()).isEqualTo("urn:auditline:problem:invalid-parameters");
    assertThat(problem.get("invalid_params")).as(pathAndQuery).hasSize(1);
    assertThat(problem.at("/invalid_params/0/name").asText()).as(pathAndQuery).isEqualTo(name);
    assertThat(problem.at("/invalid_params/0/reason").asText()).as(pathAndQuery).contains(reasonPart);
  }
}
