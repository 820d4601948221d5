package io.auditline.logpush.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.auditline.logpush.deadletter.DeadLetterStore;
import io.auditline.logpush.deadletter.Redriver;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.job.JobRepository;
import io.auditline.logpush.ownership.OwnershipStore;
import io.auditline.logpush.replay.ReplayStore;
import io.auditline.store.api.ApiServer;
import io.auditline.store.query.AuditLogRepository;
import io.auditline.store.token.Scope;
import io.auditline.store.token.TokenStore;
import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;

/** A real API server with the Logpush routes on a migrated database, fake destinations, real tokens, and a client. */
final class LogpushApi implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final HikariDataSource ds;
  final TokenStore tokens;
  final FakeDestinations destinations = new FakeDestinations();
  final DeadLetterStore deadLetters;
  final ReplayStore replays;
  final ApiServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  LogpushApi(String prefix) {
    TestDatabase db = SharedPostgres.newDatabase(prefix);
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(6);
    ds = new HikariDataSource(config);
    tokens = new TokenStore(ds);
    deadLetters = new DeadLetterStore(ds);
    replays = new ReplayStore(ds);
    Clock clock = Clock.systemUTC();
    DestinationContext context = DestinationContext.defaults();
    LogpushRoutes routes = new LogpushRoutes(tokens, new JobRepository(ds), new TestValidation(), destinations, context,
        deadLetters, new Redriver(deadLetters, destinations, context, clock), replays, new OwnershipStore(ds), clock);
    server = new ApiServer("127.0.0.1", 0, tokens, new AuditLogRepository(ds), clock, List.of(routes));
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

  /** Creates a job and returns its JSON; fails the test unless it is created. */
  JsonNode createJob(String account, String token, String body) throws IOException, InterruptedException {
    HttpResponse<String> r = post("/v1/accounts/" + account + "/logpush/jobs", token, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json(r).get("result");
  }

  void sql(String statement) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  /** A job body; {@code extra} is spliced in as more fields (may be empty). */
  static String job(String name, String destination, String extra) {
    return "{\"name\": \"%s\", \"destination\": \"%s\"%s}".formatted(name, destination, extra.isEmpty() ? "" : ", " + extra);
  }

  @Override
  public void close() {
    server.close();
    ds.close();
  }
}
