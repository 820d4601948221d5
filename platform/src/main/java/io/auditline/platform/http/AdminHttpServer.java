package io.auditline.platform.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.HealthReport;
import io.auditline.platform.lifecycle.HealthSource;
import io.auditline.platform.metrics.ComponentHealthMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The operator-facing HTTP endpoint: {@code /healthz/live}, {@code /healthz/ready} (200 or 503
 * with a JSON body) and {@code /metrics} (Prometheus text, including {@code
 * auditline_component_healthy{component}} from the readiness checks), plus routes mounted with {@link
 * #handle}.
 *
 * <p>Requests run on a small bounded pool; when it is full the accepting thread runs the request
 * itself, which slows accepting instead of dropping probes.
 */
public final class AdminHttpServer implements Component {

  private static final int THREADS = 2;
  private static final int QUEUE = 32;
  private static final int DRAIN_SECONDS = 1;

  private final String host;
  private final int port;
  private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
  private volatile HttpServer server;
  private volatile ThreadPoolExecutor executor;

  /** An admin server on {@code host:port} (port 0 picks a free port, see {@link #port()}). */
  public AdminHttpServer(String host, int port, HealthSource health, PrometheusMeterRegistry registry) {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: %s (expected: 0..65535)".formatted(port));
    }
    this.host = host;
    this.port = port;
    routes.put("/healthz/live", probe(health::liveness));
    routes.put("/healthz/ready", probe(health::readiness));
    ComponentHealthMetrics componentHealth = new ComponentHealthMetrics(registry);
    routes.put("/metrics", get(exchange -> {
      // Health gauges are read at scrape time, so alerts see what /healthz/ready would answer now.
      componentHealth.update(health.readiness());
      respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
    }));
  }

  @Override
  public String name() {
    return "admin-http";
  }

  /** Mounts {@code handler} at {@code path} (prefix match, as the JDK server does); before start only. */
  public synchronized AdminHttpServer handle(String path, HttpHandler handler) {
    if (server != null) {
      throw new IllegalStateException("handle(%s): already started (expected: before start)".formatted(path));
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path: %s (expected: starting with /)".formatted(path));
    }
    routes.put(path, Objects.requireNonNull(handler, "handler"));
    return this;
  }

  @Override
  public synchronized void start() throws IOException {
    AtomicInteger threads = new AtomicInteger();
    executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(QUEUE), r -> {
          Thread t = new Thread(r, "admin-http-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    HttpServer created = HttpServer.create(new InetSocketAddress(host, port), 0);
    routes.forEach(created::createContext);
    created.setExecutor(executor);
    created.start();
    server = created;
  }

  /** The bound port; after {@link #start()}. */
  public int port() {
    HttpServer s = server;
    if (s == null) {
      throw new IllegalStateException("port(): not started (expected: after start)");
    }
    return s.getAddress().getPort();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(DRAIN_SECONDS);
    }
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private static HttpHandler probe(Supplier<HealthReport> report) {
    return get(exchange -> {
      HealthReport r = report.get();
      respond(exchange, r.ok() ? 200 : 503, "application/json", HealthJson.render(r));
    });
  }

  private static HttpHandler get(HttpHandler inner) {
    return exchange -> {
      try (exchange) {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          exchange.sendResponseHeaders(405, -1);
          return;
        }
        inner.handle(exchange);
      }
    };
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
