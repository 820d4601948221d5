package io.auditline.platform.profiling;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.auditline.platform.http.AdminHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiling on demand on the admin port: {@code GET /admin/profile?seconds=N} answers with a JFR
 * recording of the next N seconds, {@code GET /admin/flamegraph?seconds=N} with a CPU flame graph
 * (HTML), or 501 where async-profiler does not load.
 *
 * <p>N defaults to {@value #DEFAULT_SECONDS} and must be {@value #MIN_SECONDS}..{@value
 * #MAX_SECONDS}. One profile runs at a time, of either kind: profiling costs CPU, and two at once
 * would mostly profile each other, so a second request gets 409 until the first is done.
 */
public final class ProfilingEndpoints {

  public static final int DEFAULT_SECONDS = 30;
  public static final int MIN_SECONDS = 1;
  public static final int MAX_SECONDS = 300;

  private static final Logger log = LoggerFactory.getLogger(ProfilingEndpoints.class);
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final JfrProfiler jfr;
  private final FlameGraphProfiler flameGraphs;
  private final AdminToken token;
  private final Clock clock;
  private final Semaphore oneAtATime = new Semaphore(1);

  public ProfilingEndpoints(JfrProfiler jfr, FlameGraphProfiler flameGraphs, AdminToken token, Clock clock) {
    this.jfr = Objects.requireNonNull(jfr, "jfr");
    this.flameGraphs = Objects.requireNonNull(flameGraphs, "flameGraphs");
    this.token = Objects.requireNonNull(token, "token");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** JFR and async-profiler as shipped, behind {@code token}. */
  public static ProfilingEndpoints defaults(AdminToken token) {
    return new ProfilingEndpoints(new JfrProfiler(), new FlameGraphProfiler(), token, Clock.systemUTC());
  }

  /**
   * Mounts {@code /admin/profile} and {@code /admin/flamegraph} on {@code server}, before it starts;
   * any other {@code /admin/} path is a 404 behind the same token, so nothing under it answers
   * without the token.
   */
  public AdminHttpServer mountOn(AdminHttpServer server) {
    return server
        .handle("/admin/", token.guard(exchange -> {
          try (exchange) {
            HttpResponses.text(exchange, 404, "not found: " + exchange.getRequestURI().getPath());
          }
        }))
        .handle("/admin/profile", token.guard(endpoint("/admin/profile", this::profile)))
        .handle("/admin/flamegraph", token.guard(endpoint("/admin/flamegraph", this::flameGraph)));
  }

  /** Whether a profile is being recorded right now. */
  public boolean busy() {
    return oneAtATime.availablePermits() == 0;
  }

  private void profile(HttpExchange exchange, Duration duration) throws IOException, InterruptedException {
    Path file = jfr.record(duration);
    try {
      HttpResponses.file(exchange, file, "application/octet-stream", "auditline-" + FILE_TIME.format(clock.instant()) + ".jfr");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private void flameGraph(HttpExchange exchange, Duration duration) throws IOException, InterruptedException {
    var unavailable = flameGraphs.unavailable();
    if (unavailable.isPresent()) {
      HttpResponses.text(exchange, 501, "CPU flame graphs are not available here: " + unavailable.get()
          + "\nTake a JFR profile instead: GET /admin/profile?seconds=N (JDK Mission Control shows it as a flame graph).");
      return;
    }
    Path file = flameGraphs.record(duration);
    try {
      HttpResponses.file(exchange, file, "text/html; charset=utf-8", null);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private HttpHandler endpoint(String path, Profile profile) {
    return exchange -> {
      try (exchange) {
        if (!exchange.getRequestURI().getPath().equals(path)) {
          HttpResponses.text(exchange, 404, "not found: " + exchange.getRequestURI().getPath());
          return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
          exchange.getResponseHeaders().set("Allow", "GET");
          HttpResponses.text(exchange, 405, exchange.getRequestMethod() + " " + path + " (expected: GET)");
          return;
        }
        OptionalInt seconds = seconds(exchange.getRequestURI().getRawQuery());
        if (seconds.isEmpty()) {
          HttpResponses.text(exchange, 400, "seconds: %s (expected: an integer %d..%d, default %d)"
              .formatted(rawSeconds(exchange.getRequestURI().getRawQuery()), MIN_SECONDS, MAX_SECONDS, DEFAULT_SECONDS));
          return;
        }
        if (!oneAtATime.tryAcquire()) {
          HttpResponses.text(exchange, 409, "a profile is already being recorded (expected: one at a time; retry when it is done)");
          return;
        }
        try {
          log.atInfo().addKeyValue("endpoint", path).addKeyValue("seconds", seconds.getAsInt()).log("profiling on demand");
          profile.run(exchange, Duration.ofSeconds(seconds.getAsInt()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          HttpResponses.text(exchange, 503, "profiling interrupted: the server is stopping");
        } finally {
          oneAtATime.release();
        }
      }
    };
  }

  /** The {@code seconds} query parameter, the default when absent, empty when invalid. */
  static OptionalInt seconds(String rawQuery) {
    String raw = rawSeconds(rawQuery);
    if (raw == null) {
      return OptionalInt.of(DEFAULT_SECONDS);
    }
    if (!raw.matches("[0-9]{1,4}")) {
      return OptionalInt.empty();
    }
    int value = Integer.parseInt(raw);
    return value < MIN_SECONDS || value > MAX_SECONDS ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private static String rawSeconds(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    String found = null;
    for (String pair : rawQuery.split("&")) {
      if (pair.equals("seconds") || pair.startsWith("seconds=")) {
        if (found != null) {
          return "given twice";
        }
        found = pair.length() > 8 ? pair.substring(8) : "";
      }
    }
    return found;
  }

  @FunctionalInterface
  private interface Profile {
    void run(HttpExchange exchange, Duration duration) throws IOException, InterruptedException;
  }
}
