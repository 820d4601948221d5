package io.auditline.store.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.auditline.store.query.InvalidParam;
import io.auditline.store.query.TestStore;
import io.auditline.store.token.Scope;
import io.auditline.store.token.TokenStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routes of another feature hosted by the API server, with the same access rules and problem documents. */
class MoreRoutesIT {

  private static HikariDataSource ds;
  private static TokenStore tokens;
  private static ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void setUp() {
    ds = TestStore.migratedDatabase("more_routes_it");
    tokens = new TokenStore(ds);
    ApiRoutes ping = routes -> routes.post("/v1/accounts/{account}/ping", ctx -> {
      switch (Access.check(tokens, ctx.header("Authorization"), ctx.pathParam("account"), Scope.ALERTS_WRITE)) {
        case Access.Denied denied -> denied.problem().send(ctx);
        case Access.Granted granted -> Problem.invalidBody(List.of(new InvalidParam("filter.where", "expected an object")))
            .send(ctx);
      }
    });
    server = new ApiServer("127.0.0.1", 0, tokens, ds, List.of(ping));
    server.start();
  }

  @AfterAll
  static void tearDown() {
    server.close();
    ds.close();
  }

  @Test
  void hostsTheRoutesBehindTheSameAccessRules() throws Exception {
    String writer = tokens.create("acct-a", "t", Set.of(Scope.ALERTS_WRITE)).plaintext();
    String reader = tokens.create("acct-a", "t", Set.of(Scope.AUDIT_LOGS_READ)).plaintext();
    assertThat(post("/v1/accounts/acct-a/ping", null).statusCode()).isEqualTo(401);
    assertThat(post("/v1/accounts/acct-a/ping", reader).statusCode()).isEqualTo(403);
    HttpResponse<String> foreign = post("/v1/accounts/acct-b/ping", writer);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(ApiFixture.json(foreign)).isEqualTo(ApiFixture.JSON.readTree(Problem.notFound().toJson()));
    HttpResponse<String> invalid = post("/v1/accounts/acct-a/ping", writer);
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(ApiFixture.json(invalid).at("/invalid_params/0/name").asText()).isEqualTo("filter.where");
    assertThat(post("/v1/accounts/acct-a/audit-logs", reader).statusCode()).isIn(404, 405);
  }

  private HttpResponse<String> post(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
