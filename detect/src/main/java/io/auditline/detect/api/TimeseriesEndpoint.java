package io.auditline.detect.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.detect.rollup.RollupRepository;
import io.auditline.detect.rollup.SeriesFilter;
import io.auditline.detect.rollup.SeriesPoint;
import io.auditline.detect.rollup.Step;
import io.auditline.store.api.Problem;
import io.auditline.store.query.InvalidParam;
import io.auditline.store.token.Scope;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET .../zones/{zone}/security-events/timeseries}: readable with {@code audit_logs:read}
 * (security events are logs) or {@code alerts:write} (whoever tunes alert policies needs the series).
 */
final class TimeseriesEndpoint {

  static final Set<String> PARAMS = Set.of("from", "to", "step", "action", "source", "rule");
  static final Duration DEFAULT_RANGE = Duration.ofHours(1);

  private final Http http;
  private final RollupRepository repository;
  private final Clock clock;

  TimeseriesEndpoint(Http http, RollupRepository repository, Clock clock) {
    this.http = http;
    this.repository = repository;
    this.clock = clock;
  }

  void get(Context ctx) {
    Optional<String> account = http.authorizeEither(ctx, Scope.AUDIT_LOGS_READ, Scope.ALERTS_WRITE);
    if (account.isEmpty()) {
      return;
    }
    List<InvalidParam> invalid = new ArrayList<>();
    ctx.queryParamMap().forEach((name, values) -> {
      if (!PARAMS.contains(name)) {
        invalid.add(new InvalidParam(name, "unknown parameter (expected: action, from, rule, source, step, to)"));
      } else if (values.size() > 1) {
        invalid.add(new InvalidParam(name, "given %d times (expected: once)".formatted(values.size())));
      }
    });
    String stepText = Optional.ofNullable(ctx.queryParam("step")).orElse("1m");
    Optional<Step> step = Step.fromWireName(stepText);
    if (step.isEmpty()) {
      invalid.add(new InvalidParam("step", "\"%s\" (expected: one of 1m, 5m, 1h)".formatted(stepText)));
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    Optional<Instant> to = instant(ctx, "to", now.plus(Duration.ofMinutes(1)), invalid);
    Optional<Instant> from = instant(ctx, "from", to.orElse(now).minus(DEFAULT_RANGE), invalid);
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      invalid.add(new InvalidParam("from", "%s (expected: before to, %s)".formatted(from.get(), to.get())));
    } else if (from.isPresent() && to.isPresent() && step.isPresent()) {
      long buckets = Duration.between(from.get(), to.get()).dividedBy(step.get().width());
      if (buckets > RollupRepository.MAX_POINTS) {
        invalid.add(new InvalidParam("to", "%d buckets of %s after from (expected: at most %d; use a coarser step)"
            .formatted(buckets, step.get().wireName(), RollupRepository.MAX_POINTS)));
      }
    }
    List<String> filters = List.of("action", "source", "rule").stream().filter(p -> ctx.queryParam(p) != null).toList();
    if (filters.size() > 1) {
      invalid.add(new InvalidParam(filters.get(1), "given with %s (expected: at most one of action, source, rule)"
          .formatted(filters.get(0))));
    }
    filters.stream().filter(p -> ctx.queryParam(p).isBlank())
        .forEach(p -> invalid.add(new InvalidParam(p, "\"\" (expected: not blank)")));
    if (!invalid.isEmpty()) {
      Problem.invalidParams(invalid).send(ctx);
      return;
    }
    SeriesFilter filter = filters.isEmpty() ? new SeriesFilter.All() : switch (filters.get(0)) {
      case "action" -> new SeriesFilter.ByAction(ctx.queryParam("action"));
      case "source" -> new SeriesFilter.BySource(ctx.queryParam("source"));
      default -> new SeriesFilter.ByRule(ctx.queryParam("rule"));
    };
    String zone = ctx.pathParam("zone");
    List<SeriesPoint> points = repository.timeseries(account.get(), zone, from.get(), to.get(), step.get(), filter);
    ObjectNode result = Http.JSON.createObjectNode();
    result.put("zone", zone);
    result.put("from", from.get().toString());
    result.put("to", to.get().toString());
    result.put("step", step.get().wireName());
    ArrayNode array = result.putArray("points");
    points.forEach(p -> array.addObject().put("start", p.start().toString()).put("count", p.count()));
    Http.result(ctx, 200, result);
  }

  private static Optional<Instant> instant(Context ctx, String name, Instant fallback, List<InvalidParam> invalid) {
    String text = ctx.queryParam(name);
    if (text == null) {
      return Optional.of(fallback);
    }
    try {
      Instant t = Instant.parse(text);
      if (!t.truncatedTo(ChronoUnit.MINUTES).equals(t)) {
        invalid.add(new InvalidParam(name, "\"%s\" (expected: a whole minute, e.g. 2026-01-01T10:15:00Z)".formatted(text)));
        return Optional.empty();
      }
      return Optional.of(t);
    } catch (DateTimeParseException e) {
      invalid.add(new InvalidParam(name, "\"%s\" (expected: an RFC 3339 time in UTC, e.g. 2026-01-01T10:15:00Z)".formatted(text)));
      return Optional.empty();
    }
  }
}
