package io.auditline.detect.api;

import static io.auditline.detect.api.DetectApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Alert policies over HTTP: the round trip, secrets never shown, access rules and precise errors. */
class PoliciesApiIT {

  static final String SECRET = "whsec-0123456789abcdef";
  static final String POLICIES = "/v1/accounts/acct-a/alert-policies";
  private static DetectApi api;
  private static String writerA;

  @BeforeAll
  static void setUp() {
    api = new DetectApi("policies_api_it", Clock.systemUTC());
    writerA = api.token("acct-a", Scope.ALERTS_WRITE);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  static String policy(String name) {
    return """
        {"name": "%s", "zones": ["z1", "z2"],
         "filters": {"actions": ["block"], "sources": ["waf"], "rules": ["r1"], "hosts": ["*.example.com"],
                     "path_prefixes": ["/login"], "countries": ["DE"]},
         "detector": "anchor", "sensitivity": 0.8, "min_volume": 50, "cooldown": "30m",
         "channels": [{"type": "webhook", "url": "https://hooks.example.com/a", "secret": "%s"},
                      {"type": "email", "to": ["soc@example.com"]}]}
        """.formatted(name, SECRET);
  }

  JsonNode create(String body) throws Exception {
    HttpResponse<String> r = api.post(POLICIES, writerA, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("result");
  }

  @Test
  void createsReadsUpdatesAndDeletesAPolicyWithoutEverShowingTheSecret() throws Exception {
    JsonNode created = create(policy("round-trip"));
    String path = POLICIES + "/" + created.get("id").asText();
    assertThat(created.at("/zones/1").asText()).isEqualTo("z2");
    assertThat(created.at("/filters/countries/0").asText()).isEqualTo("DE");
    assertThat(created.get("detector").asText()).isEqualTo("anchor");
    assertThat(created.get("sensitivity").asDouble()).isEqualTo(0.8);
    assertThat(created.get("cooldown").asText()).isEqualTo("30m");
    assertThat(created.get("enabled").asBoolean()).isTrue();
    assertThat(created.at("/channels/0/secret").asText()).isEqualTo("REDACTED");
    assertThat(created.at("/channels/0/has_secret").asBoolean()).isTrue();

    HttpResponse<String> read = api.get(path, writerA);
    assertThat(json(read).get("result")).isEqualTo(created);
    HttpResponse<String> listed = api.get(POLICIES, writerA);
    assertThat(json(listed).get("result")).anySatisfy(p -> assertThat(p.get("id")).isEqualTo(created.get("id")));

    // Sending back what was read keeps the stored secret.
    HttpResponse<String> patched = api.patch(path, writerA,
        "{\"enabled\": false, \"sensitivity\": \"high\", \"zones\": \"all\", \"channels\": " + created.get("channels") + "}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    JsonNode after = json(patched).get("result");
    assertThat(after.get("enabled").asBoolean()).isFalse();
    assertThat(after.get("sensitivity").asText()).isEqualTo("high");
    assertThat(after.get("zones").asText()).isEqualTo("all");
    assertThat(after.at("/channels/0/has_secret").asBoolean()).isTrue();
    assertThat(api.db.queryString("SELECT spec::text FROM alert_policies WHERE id = ?::uuid", created.get("id").asText()))
        .contains(SECRET);

    HttpResponse<String> reset = api.patch(path, writerA, "{\"cooldown\": null}");
    assertThat(json(reset).at("/result/cooldown").asText()).isEqualTo("15m");

    for (HttpResponse<String> r : List.of(read, listed, patched, reset)) {
      assertThat(r.body()).doesNotContain(SECRET);
    }
    assertThat(api.delete(path, writerA).statusCode()).isEqualTo(204);
    assertThat(api.get(path, writerA).statusCode()).isEqualTo(404);
    assertThat(api.delete(path, writerA).statusCode()).isEqualTo(404);
  }

  @Test
  void appliesDefaults() throws Exception {
    JsonNode p = create("{\"name\": \"defaults\", \"channels\": [{\"type\": \"email\", \"to\": [\"a@example.com\"]}]}");
    assertThat(p.get("zones").asText()).isEqualTo("all");
    assertThat(p.get("detector").asText()).isEqualTo("ours");
    assertThat(p.get("sensitivity").asText()).isEqualTo("medium");
    assertThat(p.get("min_volume").asLong()).isEqualTo(100);
    assertThat(p.get("cooldown").asText()).isEqualTo("15m");
  }

  @Test
  void refusesASecondPolicyOfTheSameName() throws Exception {
    create(policy("twice"));
    HttpResponse<String> again = api.post(POLICIES, writerA, policy("twice"));
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void validatesAPatchAgainstThePolicyItWouldProduce() throws Exception {
    create(policy("taken"));
    String path = POLICIES + "/" + create(policy("patched")).get("id").asText();
    assertThat(api.patch(path, writerA, "{\"name\": \"taken\"}").statusCode()).isEqualTo(409);
    HttpResponse<String> invalid = api.patch(path, writerA,
        "{\"filters\": {\"countries\": [\"ZZ\"]}, \"channels\": null, \"mode\": 1}");
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(json(invalid).get("invalid_params")).extracting(p -> p.get("name").asText())
        .containsExactlyInAnyOrder("filters.countries[0]", "channels", "mode");
    // A changed url cannot borrow the secret stored for another one.
    HttpResponse<String> moved = api.patch(path, writerA, "{\"channels\": [{\"type\": \"webhook\","
        + " \"url\": \"https://elsewhere.example.com/\", \"secret\": \"REDACTED\"}]}");
    assertThat(json(moved).at("/invalid_params/0/name").asText()).isEqualTo("channels[0].secret");
    assertThat(json(api.get(path, writerA)).at("/result/name").asText()).isEqualTo("patched");
  }

  @Test
  void appliesTheAccessRulesAndHidesOtherAccounts() throws Exception {
    JsonNode mine = create(policy("private"));
    String path = POLICIES + "/" + mine.get("id").asText();
    assertThat(api.get(POLICIES, null).statusCode()).isEqualTo(401);
    assertThat(api.post(POLICIES, "al_bogus", policy("x")).statusCode()).isEqualTo(401);
    HttpResponse<String> reader = api.get(POLICIES, api.token("acct-a", Scope.AUDIT_LOGS_READ));
    assertThat(reader.statusCode()).isEqualTo(403);
    assertThat(json(reader).get("detail").asText()).contains("alerts:write");

    String writerB = api.token("acct-b", Scope.ALERTS_WRITE);
    assertThat(api.get(path, writerB).statusCode()).isEqualTo(404);
    assertThat(api.get("/v1/accounts/acct-b/alert-policies/" + mine.get("id").asText(), writerB).statusCode())
        .isEqualTo(404);
    assertThat(api.patch("/v1/accounts/acct-b/alert-policies/" + mine.get("id").asText(), writerB, "{}").statusCode())
        .isEqualTo(404);
    assertThat(api.delete("/v1/accounts/acct-b/alert-policies/" + mine.get("id").asText(), writerB).statusCode())
        .isEqualTo(404);
    assertThat(json(api.get("/v1/accounts/acct-b/alert-policies", writerB)).get("result")).isEmpty();
    assertThat(api.get(POLICIES + "/not-a-uuid", writerA).statusCode()).isEqualTo(404);
  }

  @Test
  void answersMalformedBodiesWith400() throws Exception {
    assertThat(api.post(POLICIES, writerA, "{\"name\": ").statusCode()).isEqualTo(400);
    assertThat(api.post(POLICIES, writerA, "[1]").statusCode()).isEqualTo(400);
  }

  @Test
  void namesEveryInvalidFieldByItsJsonPath() throws Exception {
    HttpResponse<String> r = api.post(POLICIES, writerA, """
        {"name": "", "colour": "red", "enabled": "yes", "zones": [],
         "filters": {"actions": ["block", "explode"], "countries": ["de", "DE", "DE"], "hosts": ["Bad Host"],
                     "path_prefixes": ["login"], "sources": ["WAF!"], "verbs": []},
         "detector": "magic", "sensitivity": 1.5, "min_volume": -1, "cooldown": "10x",
         "channels": [{"type": "webhook", "url": "http://hooks.example.com/a", "secret": "short"},
                      {"type": "email", "to": ["not-an-address"], "cc": []},
                      {"type": "pager"}, {"url": "https://x.example"}, "webhook"]}
        """);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(json(r).get("invalid_params")).extracting(p -> p.get("name").asText() + ": " + p.get("reason").asText())
        .containsExactlyInAnyOrder(
            "colour: unknown field (expected: one of channels, cooldown, detector, enabled, filters, min_volume, name,"
                + " sensitivity, zones)",
            "name: \"\" (expected: not blank)",
            "enabled: \"yes\" (expected: true or false)",
            "zones: [] (expected: \"all\" or at least one zone id)",
            "filters.verbs: unknown field (expected: one of actions, countries, hosts, path_prefixes, rules, sources)",
            "filters.actions[1]: \"explode\" (expected: one of allow, block, challenge, js_challenge, log,"
                + " managed_challenge, skip)",
            "filters.sources[0]: \"WAF!\" (expected: a source id of a-z, 0-9 and _)",
            "filters.hosts[0]: \"Bad Host\" (expected: a lowercase host name, optionally *.-prefixed)",
            "filters.path_prefixes[0]: \"login\" (expected: a path starting with /)",
            "filters.countries[0]: \"de\" (expected: an ISO 3166-1 alpha-2 code in upper case, e.g. DE)",
            "filters.countries[2]: \"DE\" (expected: no duplicates)",
            "detector: \"magic\" (expected: one of anchor, ours)",
            "sensitivity: 1.5 (expected: one of low, medium, high, or a number > 0 and <= 1)",
            "min_volume: -1 (expected: an integer from 0 to 1000000000)",
            "cooldown: \"10x\" (expected: a duration such as \"90s\", \"15m\", \"2h\" or \"1d\")",
            "channels[0].url: \"http://hooks.example.com/a\" (expected: scheme https; http is not enabled on this server)",
            "channels[0].secret: 5 characters (expected: at least 16)",
            "channels[1].cc: unknown field (expected: one of to, type)",
            "channels[1].to[0]: \"not-an-address\" (expected: an email address such as soc@example.com)",
            "channels[2].type: \"pager\" (expected: webhook or email)",
            "channels[3].type: missing (expected: webhook or email)",
            "channels[4]: \"webhook\" (expected: an object)");
  }

  @Test
  void requiresNameAndChannelsAndBoundsTheCooldown() throws Exception {
    HttpResponse<String> r = api.post(POLICIES, writerA, "{\"cooldown\": \"8d\"}");
    assertThat(json(r).get("invalid_params")).extracting(p -> p.get("name").asText() + ": " + p.get("reason").asText())
        .containsExactlyInAnyOrder("name: missing (expected: present)", "channels: missing (expected: present)",
            "cooldown: \"8d\" (expected: from 1m to 7d)");
  }

  @Test
  void refusesRedactedAsASecretWhenNoneIsStored() throws Exception {
    HttpResponse<String> r = api.post(POLICIES, writerA, "{\"name\": \"r\", \"channels\": [{\"type\": \"webhook\","
        + " \"url\": \"https://hooks.example.com/new\", \"secret\": \"REDACTED\"}]}");
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).at("/invalid_params/0/name").asText()).isEqualTo("channels[0].secret");
    assertThat(json(r).at("/invalid_params/0/reason").asText()).contains("there is no stored secret for this url");
  }
}
