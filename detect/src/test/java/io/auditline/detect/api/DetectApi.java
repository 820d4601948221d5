package io.auditline.detect.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.detect.alert.AlertRepository;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.detect.rollup.RollupRepository;
import io.auditline.detect.support.DetectDb;
import io.auditline.store.api.ApiServer;
import io.auditline.store.query.AuditLogRepository;
import io.auditline.store.token.Scope;
import io.auditline.store.token.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** A real API server with the detect routes on a migrated database, real tokens, and a client. */
final class DetectApi implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final DetectDb db;
  final TokenStore tokens;
  final ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  DetectApi(String prefix, Clock clock) {
    this(prefix, clock, false);
  }

  DetectApi(String prefix, Clock clock, boolean plaintextWebhooks) {
    db = new DetectDb(prefix);
    tokens = new TokenStore(db.dataSource);
    DetectRoutes routes = new DetectRoutes(tokens, new RollupRepository(db.dataSource),
        new PolicyRepository(db.dataSource), new AlertRepository(db.dataSource), plaintextWebhooks, clock);
    server = new ApiServer("127.0.0.1", 0, tokens, new AuditLogRepository(db.dataSource), clock, List.of(routes));
    server.start();
  }

  String token(String account, Scope... scopes) {
    return tokens.create(account, "test", Set.of(scopes)).plaintext();
  }

  HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    return send("GET", path, token, null);
  }

  HttpResponse<String> post(String path, String token, String body) throws IOException, InterruptedException {
    return send("POST", path, token, body);
  }

  HttpResponse<String> patch(String path, String token, String body) throws IOException, InterruptedException {
    return send("PATCH", path, token, body);
  }

  HttpResponse<String> delete(String path, String token) throws IOException, InterruptedException {
    return send("DELETE", path, token, null);
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    server.close();
    db.close();
  }
}
