package io.auditline.store.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.auditline.store.query.TestStore;
import io.auditline.store.token.Scope;
import io.auditline.store.token.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A real API server on a migrated database, with real tokens, and an HTTP client for it. */
final class ApiFixture implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final HikariDataSource ds;
  final TokenStore tokens;
  final ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  ApiFixture(String prefix) throws Exception {
    ds = TestStore.migratedDatabase(prefix);
    tokens = new TokenStore(ds);
    server = new ApiServer("127.0.0.1", 0, tokens, ds);
    server.start();
  }

  String token(String account, Scope... scopes) {
    return tokens.create(account, "test", Set.of(scopes)).plaintext();
  }

  HttpResponse<String> get(String pathAndQuery, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&", "?", ""));
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    server.close();
    ds.close();
  }
}
