package io.auditline.bench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.store.api.ApiServer;
import io.auditline.store.query.AuditLogFilters;
import io.auditline.store.query.AuditLogQuery;
import io.auditline.store.query.AuditLogRepository;
import io.auditline.store.query.Direction;
import io.auditline.store.token.Scope;
import io.auditline.store.token.TokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;

/**
 * Latency of the first page (100 rows, newest first) of one account's last 24 hours with an
 * {@code action_type_prefix} filter: through the real HTTP API (bearer token, JSON rendering), and,
 * as the baseline, the API's exact SQL through plain JDBC on the same pool. Each iteration runs the
 * same random query both ways (plus through {@link AuditLogRepository}, to split the API's overhead
 * into SQL+protobuf and HTTP+JSON), in rotating order, one at a time.
 */
final class QueryLatencyBench {

  /** The SQL {@code AuditLogSql.select} builds for this query shape, with {@code limit + 1} rows. */
  static final String SQL =
      "SELECT occurred_at, id, event FROM audit_events WHERE account_id = ? AND occurred_at >= ?"
          + " AND occurred_at < ? AND action_type LIKE ? ESCAPE '\\' ORDER BY occurred_at DESC, id DESC LIMIT 101";
  static final int LIMIT = 100;
  static final Duration WINDOW = Duration.ofHours(24);
  private static final int QUERY_TIMEOUT_SECONDS = 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource dataSource;
  private final int accounts;
  private final SplittableRandom random;

  QueryLatencyBench(DataSource dataSource, int accounts, long seed) {
    this.dataSource = dataSource;
    this.accounts = accounts;
    this.random = new SplittableRandom(seed);
  }

  /** Latencies in microseconds, rows per query, and the plan of one sample query. */
  record Result(Histogram api, Histogram jdbc, Histogram repository, long queries, double meanRows, String plan) {}

  Result run(int warmupQueries, int queries) throws Exception {
    TokenStore tokens = new TokenStore(dataSource);
    String[] bearer = new String[accounts];
    for (int a = 0; a < accounts; a++) {
      bearer[a] = tokens.create(SyntheticEvents.account(a), "bench", java.util.Set.of(Scope.AUDIT_LOGS_READ)).plaintext();
    }
    ApiServer api = new ApiServer("127.0.0.1", 0, tokens, dataSource);
    api.start();
    try {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      AuditLogRepository repository = new AuditLogRepository(dataSource);
      Histogram apiMicros = histogram();
      Histogram jdbcMicros = histogram();
      Histogram repositoryMicros = histogram();
      long rows = 0;
      for (int i = -warmupQueries; i < queries; i++) {
        int account = random.nextInt(accounts);
        Query q = new Query(SyntheticEvents.account(account), pick(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        long[] nanos = new long[3];
        int jdbcRows = 0;
        int apiRows = 0;
        for (int k = 0; k < 3; k++) {
          int which = Math.floorMod(i + k, 3);
          long t0 = System.nanoTime();
          switch (which) {
            case 0 -> apiRows = api(http, api.port(), bearer[account], q, i < 0);
            case 1 -> jdbcRows = jdbc(q);
            default -> repository.page(q.toQuery());
          }
          nanos[which] = System.nanoTime() - t0;
        }
        if (i < 0 && apiRows >= 0 && apiRows != Math.min(LIMIT, jdbcRows)) {
          throw new IllegalStateException("API returned %d events, JDBC %d rows for %s".formatted(apiRows, jdbcRows, q));
        }
        if (i >= 0) {
          apiMicros.recordValue(nanos[0] / 1000);
          jdbcMicros.recordValue(nanos[1] / 1000);
          repositoryMicros.recordValue(nanos[2] / 1000);
          rows += Math.min(LIMIT, jdbcRows);
        }
        if (i == -1) {
          System.err.printf("bench: query warm-up done (%d queries)%n", warmupQueries);
        }
      }
      Query sample = new Query(SyntheticEvents.account(random.nextInt(accounts)), "zone.", Instant.now());
      return new Result(apiMicros, jdbcMicros, repositoryMicros, queries, (double) rows / Math.max(1, queries), explain(sample));
    } finally {
      api.close();
    }
  }

  private String pick() {
    return SyntheticEvents.QUERY_PREFIXES.get(random.nextInt(SyntheticEvents.QUERY_PREFIXES.size()));
  }

  /** One request; during warm-up also parses the body to cross-check the row count (else -1). */
  private static int api(HttpClient http, int port, String token, Query q, boolean check) throws Exception {
    String url = "http://127.0.0.1:%d/v1/accounts/%s/audit-logs?since=%s&before=%s&action_type_prefix=%s&limit=%d&direction=newest"
        .formatted(port, q.account(), q.since(), q.before(), URLEncoder.encode(q.prefix(), StandardCharsets.UTF_8), LIMIT);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("API answered %d: %s".formatted(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8)));
    }
    if (!check) {
      return -1;
    }
    JsonNode body = JSON.readTree(response.body());
    return body.get("result").size();
  }

  /** The API's SQL through plain JDBC, reading every column of every row. */
  private int jdbc(Query q) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      q.bind(ps);
      int rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getObject(1, OffsetDateTime.class);
          rs.getObject(2, UUID.class);
          rs.getBytes(3);
          rows++;
        }
      }
      return rows;
    }
  }

  private String explain(Query q) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + SQL)) {
      q.bind(ps);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  /** {@code AuditLogSql.likePrefix}: LIKE's wildcards and its escape match literally. */
  static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static Histogram histogram() {
    return new Histogram(Duration.ofMinutes(1).toNanos() / 1000, 3);
  }

  /** One account's last 24 hours before {@code before}, filtered by an action-type prefix. */
  private record Query(String account, String prefix, Instant before) {
    Instant since() {
      return before.minus(WINDOW);
    }

    AuditLogQuery toQuery() {
      return new AuditLogQuery(account, since(), before, AuditLogFilters.builder().actionTypePrefix(prefix).build(), LIMIT,
          Direction.NEWEST, Optional.empty());
    }

    void bind(PreparedStatement ps) throws SQLException {
      ps.setString(1, account);
      ps.setObject(2, since().atOffset(ZoneOffset.UTC));
      ps.setObject(3, before.atOffset(ZoneOffset.UTC));
      ps.setString(4, likePrefix(prefix));
    }
  }
}
