package io.auditline.logpush.api;

import static io.auditline.logpush.api.LogpushApi.job;
import static io.auditline.logpush.api.LogpushApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Proving a destination is the customer's: challenge objects, verify_credentials, and what a destination change undoes. */
class OwnershipApiIT {

  private static final String SECRET = "0wn3rsh1p-Secret-99";
  private static final String JOBS = "/v1/accounts/acct-o/logpush/jobs";
  private static final String OWNERSHIP = "/v1/accounts/acct-o/logpush/ownership";
  private static LogpushApi api;
  private static String writer;

  @BeforeAll
  static void setUp() {
    api = new LogpushApi("ownership_api_it");
    writer = api.token("acct-o", Scope.LOGPUSH_WRITE);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  @Test
  void theTokenOfAChallengeObjectEnablesAJob() throws Exception {
    String destination = "fake://challenged/logs/{DATE}?secret=" + SECRET;
    HttpResponse<String> challenge = api.post(OWNERSHIP, writer, "{\"destination\": \"" + destination + "\"}");
    assertThat(challenge.statusCode()).as(challenge.body()).isEqualTo(200);
    JsonNode answer = json(challenge);
    String filename = answer.get("filename").asText();
    assertThat(filename).matches("logs/\\d{8}/ownership-challenge-[0-9a-f]{16}\\.txt");
    assertThat(answer.get("message").asText()).isEqualTo("read the token from the file and send it as ownership_challenge");
    assertThat(answer.get("destination").asText()).doesNotContain(SECRET);
    String token = new String(api.destinations.object("challenged", filename), StandardCharsets.UTF_8);

    HttpResponse<String> wrong = api.post(JOBS, writer, job("challenged", destination, "\"enabled\": true, \"ownership_challenge\": \"guess\""));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(json(wrong).get("type").asText()).isEqualTo("urn:auditline:problem:ownership-not-proven");
    assertThat(json(wrong).at("/invalid_params/0/name").asText()).isEqualTo("ownership_challenge");
    String otherSecret = destination.replace(SECRET, "another-secret");
    assertThat(api.post(JOBS, writer, job("challenged", otherSecret, "\"enabled\": true, \"ownership_challenge\": \"" + token + "\""))
        .statusCode()).isEqualTo(422);
    String otherAccount = api.token("acct-o2", Scope.LOGPUSH_WRITE);
    assertThat(api.post("/v1/accounts/acct-o2/logpush/jobs", otherAccount,
        job("stolen", destination, "\"enabled\": true, \"ownership_challenge\": \"" + token + "\"")).statusCode()).isEqualTo(422);

    JsonNode created = api.createJob("acct-o", writer, job("challenged", destination,
        "\"enabled\": true, \"ownership_challenge\": \"" + token + "\""));
    assertThat(created.get("enabled").asBoolean()).isTrue();
    assertThat(created.get("ownership_verified_at").isNull()).isFalse();
    try (Connection c = api.ds.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT t::text FROM logpush_ownership_challenges t")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).doesNotContain(token).doesNotContain(SECRET);
    }
  }

  @Test
  void enablingWithoutAProofIsRefusedByName() throws Exception {
    HttpResponse<String> create = api.post(JOBS, writer, job("unproven", "fake://unproven/x?secret=" + SECRET, "\"enabled\": true"));
    assertThat(create.statusCode()).isEqualTo(422);
    JsonNode problem = json(create);
    assertThat(problem.get("type").asText()).isEqualTo("urn:auditline:problem:ownership-not-proven");
    assertThat(problem.at("/invalid_params/0/name").asText()).isEqualTo("enabled");
    assertThat(problem.at("/invalid_params/0/reason").asText()).contains("ownership_challenge").contains("verify_credentials");
    String path = JOBS + "/" + api.createJob("acct-o", writer, job("unproven", "fake://unproven/x?secret=" + SECRET, "")).get("id").asText();
    HttpResponse<String> enable = api.patch(path, writer, "{\"enabled\": true}");
    assertThat(enable.statusCode()).isEqualTo(422);
    assertThat(json(enable).at("/invalid_params/0/name").asText()).isEqualTo("enabled");
    assertThat(json(api.get(path, writer)).at("/result/enabled").asBoolean()).isFalse();
  }

  @Test
  void verifyCredentialsWritesAndReadsBackWhereTheDestinationIsReadable() throws Exception {
    JsonNode created = api.createJob("acct-o", writer, job("iac", "fake://readable/iac?secret=" + SECRET,
        "\"enabled\": true, \"ownership\": \"verify_credentials\""));
    assertThat(created.get("enabled").asBoolean()).isTrue();
    assertThat(api.destinations.keys("readable")).singleElement().asString().matches("iac/ownership-check-[0-9a-f]{16}\\.txt");

    HttpResponse<String> unreadable = api.post(JOBS, writer, job("post-only", "fakepost://endpoint/in?secret=" + SECRET,
        "\"enabled\": true, \"ownership\": \"verify_credentials\""));
    assertThat(unreadable.statusCode()).isEqualTo(422);
    JsonNode problem = json(unreadable);
    assertThat(problem.at("/invalid_params/0/name").asText()).isEqualTo("ownership");
    assertThat(problem.at("/invalid_params/0/reason").asText()).contains("cannot be read back").contains("ownership_challenge");
    assertThat(api.destinations.keys("endpoint")).isEmpty();

    HttpResponse<String> rejected = api.post(JOBS, writer, job("denied", "fake://denied/x?reject=true&secret=" + SECRET,
        "\"enabled\": true, \"ownership\": \"verify_credentials\""));
    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(json(rejected).at("/invalid_params/0/reason").asText()).contains("denied the write (403)");
    HttpResponse<String> challenge = api.post(OWNERSHIP, writer, "{\"destination\": \"fake://denied/x?reject=true&secret=" + SECRET + "\"}");
    assertThat(challenge.statusCode()).isEqualTo(422);
    assertThat(json(challenge).get("detail").asText()).contains("denied the write (403)");
    HttpResponse<String> throwing = api.post(JOBS, writer, job("throwing", "fake://t/x?throw=true&secret=" + SECRET,
        "\"ownership\": \"verify_credentials\""));
    assertThat(throwing.statusCode()).isEqualTo(422);
    assertThat(json(throwing).at("/invalid_params/0/reason").asText()).contains("client failed unexpectedly");
    HttpResponse<String> throwingChallenge = api.post(OWNERSHIP, writer, "{\"destination\": \"fake://t/x?throw=true&secret=" + SECRET + "\"}");
    assertThat(throwingChallenge.statusCode()).isEqualTo(422);
    for (HttpResponse<String> r : List.of(unreadable, rejected, challenge, throwing, throwingChallenge)) {
      assertThat(r.body()).doesNotContain(SECRET);
    }
  }

  @Test
  void aNewDestinationForgetsTheProofUnlessTheSameChangeProvesIt() throws Exception {
    String path = JOBS + "/" + api.createJob("acct-o", writer, job("moving", "fake://first/a?secret=" + SECRET,
        "\"enabled\": true, \"ownership\": \"verify_credentials\"")).get("id").asText();
    JsonNode moved = json(api.patch(path, writer, "{\"destination\": \"fake://second/b?secret=" + SECRET + "\"}")).get("result");
    assertThat(moved.get("enabled").asBoolean()).isFalse();
    assertThat(moved.get("ownership_verified_at").isNull()).isTrue();
    assertThat(moved.get("destination").asText()).isEqualTo("fake://second/b?secret=REDACTED");

    HttpResponse<String> enableUnproven = api.patch(path, writer, "{\"destination\": \"fake://third/c\", \"enabled\": true}");
    assertThat(enableUnproven.statusCode()).isEqualTo(422);
    assertThat(json(api.get(path, writer)).at("/result/destination").asText()).startsWith("fake://second/");

    JsonNode proven = json(api.patch(path, writer, "{\"destination\": \"fake://third/c\", \"enabled\": true,"
        + " \"ownership\": \"verify_credentials\"}")).get("result");
    assertThat(proven.get("enabled").asBoolean()).isTrue();
    assertThat(proven.get("ownership_verified_at").isNull()).isFalse();

    JsonNode disabled = json(api.patch(path, writer, "{\"enabled\": false}")).get("result");
    assertThat(disabled.get("enabled").asBoolean()).isFalse();
    assertThat(disabled.get("ownership_verified_at")).isEqualTo(proven.get("ownership_verified_at"));
    JsonNode reenabled = json(api.patch(path, writer, "{\"enabled\": true}")).get("result");
    assertThat(reenabled.get("enabled").asBoolean()).isTrue();
    assertThat(reenabled.get("revision").asLong()).isEqualTo(disabled.get("revision").asLong() + 1);
  }
}
