package io.auditline.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.AuditLogFilters;
import io.auditline.store.query.AuditLogQuery;
import io.auditline.store.query.Cursor;
import io.auditline.store.query.Direction;
import io.auditline.store.query.Position;
import io.auditline.store.query.TestStore;
import io.auditline.store.token.Scope;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Authentication, scopes and tenant isolation, attacked from account A against account B. */
class AccessIT {

  private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");
  private static final String RANGE = "since=2025-05-01T00:00:00Z&before=2025-05-02T00:00:00Z";
  private static ApiFixture api;
  private static String tokenA;
  private static String tokenB;
  private static final List<AuditEvent> EVENTS_B = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    api = new ApiFixture("access_it");
    tokenA = api.token("acct-a", Scope.AUDIT_LOGS_READ);
    tokenB = api.token("acct-b", Scope.AUDIT_LOGS_READ);
    TestStore.insert(api.ds, List.of(TestStore.event("acct-a", T0).build()));
    IntStream.range(0, 5).forEach(i -> EVENTS_B.add(TestStore.event("acct-b", T0.plusSeconds(i)).build()));
    TestStore.insert(api.ds, EVENTS_B);
  }

  @AfterAll
  static void tearDown() {
    api.close();
  }

  @Test
  void missingMalformedOrUnknownTokensAre401WithChallenge() throws Exception {
    for (String token : new String[] {null, "", "garbage", "alt_aaaaaaaaaaaaaaaa_" + "A".repeat(43), tokenA + "x",
        tokenA.substring(0, tokenA.length() - 1) + (tokenA.endsWith("A") ? "B" : "A")}) {
      HttpResponse<String> r = api.get("/v1/accounts/acct-a/audit-logs", token);
      assertThat(r.statusCode()).as("token %s", token).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
      assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
  }

  @Test
  void revokedTokenIs401() throws Exception {
    var issued = api.tokens.create("acct-a", "soon revoked", java.util.Set.of(Scope.AUDIT_LOGS_READ));
    assertThat(api.get("/v1/accounts/acct-a/audit-logs", issued.plaintext()).statusCode()).isEqualTo(200);
    assertThat(api.tokens.revoke(issued.info().id())).isTrue();
    assertThat(api.get("/v1/accounts/acct-a/audit-logs", issued.plaintext()).statusCode()).isEqualTo(401);
  }

  @Test
  void ownAccountWithoutReadScopeIs403() throws Exception {
    String writer = api.token("acct-a", Scope.LOGPUSH_WRITE, Scope.ALERTS_WRITE);
    for (String path : List.of("", "/export?format=csv", "/" + UUID.randomUUID())) {
      HttpResponse<String> r = api.get("/v1/accounts/acct-a/audit-logs" + path, writer);
      assertThat(r.statusCode()).as(path).isEqualTo(403);
      assertThat(ApiFixture.json(r).get("detail").asText()).contains("audit_logs:read");
    }
  }

  @Test
  void tokenOfAccountANeverSeesAccountB() throws Exception {
    String bPage = ApiFixture.json(api.get("/v1/accounts/acct-b/audit-logs?" + RANGE + "&limit=2", tokenB))
        .at("/result_info/cursor").asText();
    AuditLogQuery aShaped = new AuditLogQuery("acct-a", T0, T0.plusSeconds(86_400), AuditLogFilters.none(), 2,
        Direction.NEWEST, Optional.empty());
    String forgedForA = Cursor.after(aShaped, new Position(T0.plusSeconds(4), UUID.fromString(EVENTS_B.get(4).getId()))).encode();
    String b = "/v1/accounts/acct-b/audit-logs";
    List<String> onB = new ArrayList<>(List.of(b, b + "?" + RANGE, b + "?limit=5000", b + "?since=garbage",
        b + "?cursor=" + bPage, b + "?unknown=1", b + "/export?format=ndjson&" + RANGE, b + "/export",
        b + "/export?format=csv&actor_id=user-42", b + "/not-a-uuid", b + "/" + UUID.randomUUID(),
        "/v1/accounts/acct-b", "/v1/accounts/acct-c/audit-logs"));
    EVENTS_B.forEach(e -> onB.add(b + "/" + e.getId()));
    JsonNode missing = ApiFixture.json(api.get("/v1/accounts/acct-a/audit-logs/" + UUID.randomUUID(), tokenA));
    for (String path : onB) {
      HttpResponse<String> r = api.get(path, tokenA);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      // Byte for byte what a missing event of one's own account looks like.
      assertThat(ApiFixture.json(r)).as(path).isEqualTo(missing);
      assertNoTraceOfB(r.body());
    }
    // B's ids, cursors and filters against A's own paths: never B's data.
    String a = "/v1/accounts/acct-a/audit-logs";
    for (AuditEvent e : EVENTS_B) {
      assertThat(api.get(a + "/" + e.getId(), tokenA).statusCode()).isEqualTo(404);
    }
    HttpResponse<String> reusedCursor = api.get(a + "?" + RANGE + "&limit=2&cursor=" + bPage, tokenA);
    assertThat(reusedCursor.statusCode()).isEqualTo(400);
    assertThat(ApiFixture.json(reusedCursor).at("/invalid_params/0/name").asText()).isEqualTo("cursor");
    HttpResponse<String> forged = api.get(a + "?" + RANGE + "&limit=2&cursor=" + forgedForA, tokenA);
    assertThat(forged.statusCode()).isEqualTo(200);
    assertNoTraceOfB(forged.body());
    for (String filter : List.of("actor_id=user-42", "resource_id=always_use_https", "zone_id=z1", "actor_ip=0.0.0.0/0")) {
      HttpResponse<String> r = api.get(a + "?" + RANGE + "&" + filter, tokenA);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(ApiFixture.json(r).get("result")).hasSize(1);
      assertNoTraceOfB(r.body());
      HttpResponse<String> export = api.get(a + "/export?format=ndjson&" + RANGE + "&" + filter, tokenA);
      assertThat(export.body().lines()).hasSize(1);
      assertNoTraceOfB(export.body());
    }
  }

  private static void assertNoTraceOfB(String body) {
    assertThat(body).doesNotContain("acct-b");
    EVENTS_B.forEach(e -> assertThat(body).doesNotContain(e.getId()));
  }
}
