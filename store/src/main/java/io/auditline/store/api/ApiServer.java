package io.auditline.store.api;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import io.auditline.store.query.AuditLogRepository;
import io.auditline.store.query.QueryFailedException;
import io.auditline.store.token.Authenticator;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer REST API on Javalin: account-scoped audit-log reads behind bearer tokens, the
 * OpenAPI document that describes them at {@code GET /v1/openapi.yaml}, and the routes of other
 * features ({@link ApiRoutes}).
 */
public final class ApiServer implements Component {

  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
  static final String OPENAPI_RESOURCE = "/openapi/query-api.yaml";

  private final String host;
  private final int port;
  private final AuditLogRoutes routes;
  private final List<ApiRoutes> more;
  private final byte[] openApi;
  private volatile Javalin app;

  /** A server on {@code host:port} (port 0 picks a free port, see {@link #port()}). */
  public ApiServer(String host, int port, Authenticator authenticator, DataSource dataSource) {
    this(host, port, authenticator, new AuditLogRepository(dataSource), Clock.systemUTC());
  }

  /** A server that also hosts {@code more} routes, for example Logpush's. */
  public ApiServer(String host, int port, Authenticator authenticator, DataSource dataSource, List<ApiRoutes> more) {
    this(host, port, authenticator, new AuditLogRepository(dataSource), Clock.systemUTC(), more);
  }

  public ApiServer(String host, int port, Authenticator authenticator, AuditLogRepository repository, Clock clock) {
    this(host, port, authenticator, repository, clock, List.of());
  }

  public ApiServer(String host, int port, Authenticator authenticator, AuditLogRepository repository, Clock clock,
      List<ApiRoutes> more) {
    this.more = List.copyOf(more);
    this.host = Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: %s (expected: 0..65535)".formatted(port));
    }
    this.port = port;
    this.routes = new AuditLogRoutes(Objects.requireNonNull(authenticator, "authenticator"),
        Objects.requireNonNull(repository, "repository"), Objects.requireNonNull(clock, "clock"));
    this.openApi = openApiDocument();
  }

  @Override
  public String name() {
    return "query-api";
  }

  @Override
  public synchronized void start() {
    Javalin created = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = host;
      config.jetty.port = port;
      config.routes.before(ctx -> {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
      });
      config.routes.get("/v1/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(openApi));
      // Registered before /{id} so that "export" is never taken for an id.
      config.routes.get("/v1/accounts/{account}/audit-logs/export", routes::export);
      config.routes.get("/v1/accounts/{account}/audit-logs/{id}", routes::get);
      config.routes.get("/v1/accounts/{account}/audit-logs", routes::list);
      more.forEach(r -> r.register(config.routes));
      config.routes.error(404, ctx -> Problem.notFound().send(ctx));
      config.routes.exception(QueryFailedException.class, (e, ctx) -> failed(ctx, e, Problem.unavailable()));
      config.routes.exception(Exception.class, (e, ctx) -> failed(ctx, e, Problem.internal()));
    });
    try {
      created.start();
    } catch (RuntimeException e) {
      created.stop();
      throw e;
    }
    app = created;
    log.atInfo().setMessage("query api listening").addKeyValue("host", host).addKeyValue("port", created.port()).log();
  }

  /** The bound port; after {@link #start()}. */
  public int port() {
    Javalin a = app;
    if (a == null) {
      throw new IllegalStateException("port(): not started (expected: after start)");
    }
    return a.port();
  }

  @Override
  public Health check() {
    return app != null ? Health.healthy() : Health.unhealthy("query api not started");
  }

  @Override
  public synchronized void close() {
    if (app != null) {
      app.stop();
      app = null;
    }
  }

  private static void failed(io.javalin.http.Context ctx, Exception e, Problem problem) {
    log.atError().setMessage("query api request failed").addKeyValue("path", ctx.path())
        .addKeyValue("status", problem.status()).setCause(e).log();
    if (ctx.res().isCommitted()) {
      // Mid-export: the status is gone; cutting the connection tells the client the body is incomplete.
      throw new IllegalStateException("response already committed; aborting", e);
    }
    problem.send(ctx);
  }

  private static byte[] openApiDocument() {
    try (InputStream in = ApiServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
