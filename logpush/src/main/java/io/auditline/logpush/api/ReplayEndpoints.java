package io.auditline.logpush.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.job.Job;
import io.auditline.logpush.replay.Replay;
import io.auditline.logpush.replay.ReplayStore;
import io.auditline.store.api.Problem;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/accounts/{account}/logpush/jobs/{id}/replays...}: request a replay of a time range and follow it. */
final class ReplayEndpoints {

  static final Duration MAX_RANGE = Duration.ofDays(31);
  static final Duration FUTURE_SLACK = Duration.ofMinutes(1);
  static final int LIST_LIMIT = 100;

  private final JobLookup lookup;
  private final ReplayStore store;
  private final Clock clock;

  ReplayEndpoints(JobLookup lookup, ReplayStore store, Clock clock) {
    this.lookup = lookup;
    this.store = store;
    this.clock = clock;
  }

  void create(Context ctx) {
    Optional<Job> job = lookup.job(ctx, Set.of());
    Optional<ObjectNode> body = job.isPresent() ? Http.body(ctx) : Optional.empty();
    if (body.isEmpty()) {
      return;
    }
    BodyFields f = new BodyFields(body.get());
    f.onlyKeys(Set.of("since", "before"), Set.of());
    Optional<Instant> since = instant(f, "since");
    Optional<Instant> before = instant(f, "before");
    Instant now = clock.instant();
    if (since.isPresent() && before.isPresent()) {
      if (!since.get().isBefore(before.get())) {
        f.error("since", "%s is not before before (%s)".formatted(since.get(), before.get()));
      } else if (Duration.between(since.get(), before.get()).compareTo(MAX_RANGE) > 0) {
        f.error("before", "the range %s .. %s is longer than 31 days (expected: at most 31 days; split it into several replays)"
            .formatted(since.get(), before.get()));
      }
    }
    before.filter(b -> b.isAfter(now.plus(FUTURE_SLACK)))
        .ifPresent(b -> f.error("before", "%s is in the future (expected: at most now + 1 minute, now is %s)".formatted(b, now)));
    if (!f.errors().isEmpty()) {
      Problem.invalidBody(f.errors()).send(ctx);
      return;
    }
    if (job.get().ownershipVerifiedAt().isEmpty()) {
      Problem.conflict("The job's destination is not proven to be yours, so nothing is delivered to it; prove it with"
          + " PATCH (ownership_challenge or ownership: verify_credentials) first.").send(ctx);
      return;
    }
    Replay replay = store.create(job.get().id(), job.get().accountId(), since.get(), before.get(), now);
    ctx.header("Location", ctx.path() + "/" + replay.id());
    Http.result(ctx, 202, Json.replay(replay));
  }

  void list(Context ctx) {
    Optional<Job> job = lookup.job(ctx, Set.of());
    if (job.isEmpty()) {
      return;
    }
    ArrayNode result = Http.JSON.createArrayNode();
    store.list(job.get().id(), LIST_LIMIT).forEach(r -> result.add(Json.replay(r)));
    ObjectNode body = Http.JSON.createObjectNode();
    body.set("result", result);
    body.putObject("result_info").put("count", result.size());
    Http.json(ctx, 200, body);
  }

  void get(Context ctx) {
    Optional<Job> job = lookup.job(ctx, Set.of());
    if (job.isEmpty()) {
      return;
    }
    Http.uuid(ctx, "replay").flatMap(id -> store.find(job.get().id(), id))
        .ifPresentOrElse(r -> Http.result(ctx, 200, Json.replay(r)), () -> Problem.notFound().send(ctx));
  }

  private static Optional<Instant> instant(BodyFields f, String name) {
    Optional<JsonNode> node = f.node(name);
    if (node.isEmpty()) {
      return f.fail(name, "required (expected: an RFC 3339 time such as 2025-05-01T00:00:00Z)");
    }
    if (!node.get().isTextual()) {
      return f.fail(name, "expected an RFC 3339 time as a string, got " + BodyFields.type(node.get()));
    }
    try {
      return Optional.of(OffsetDateTime.parse(node.get().textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return f.fail(name, "\"%s\" is not an RFC 3339 time (expected e.g. 2025-05-01T00:00:00Z)".formatted(node.get().textValue()));
    }
  }
}
