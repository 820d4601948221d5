package io.auditline.logpush.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.job.JobCursor;
import io.auditline.logpush.job.JobOutcome;
import io.auditline.logpush.job.JobPatch;
import io.auditline.logpush.job.JobService;
import io.auditline.logpush.job.JobView;
import io.auditline.logpush.job.NewJob;
import io.auditline.store.api.Problem;
import io.auditline.store.query.InvalidParam;
import io.auditline.store.query.Parsed;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@code /v1/accounts/{account}/logpush/jobs[/{id}]}: validate, call {@link JobService}, render the outcome. */
final class JobEndpoints {

  static final int DEFAULT_LIMIT = 25;
  static final int MAX_LIMIT = 100;

  private final Http http;
  private final JobRequests requests;
  private final JobService jobs;
  private final Clock clock;

  JobEndpoints(Http http, JobRequests requests, JobService jobs, Clock clock) {
    this.http = http;
    this.requests = requests;
    this.jobs = jobs;
    this.clock = clock;
  }

  void create(Context ctx) {
    Optional<String> account = http.authorize(ctx);
    Optional<ObjectNode> body = account.isPresent() && Http.onlyParams(ctx, Set.of()) ? Http.body(ctx) : Optional.empty();
    if (body.isEmpty()) {
      return;
    }
    switch (requests.create(account.get(), body.get())) {
      case Parsed.Invalid<NewJob> invalid -> Problem.invalidBody(invalid.params()).send(ctx);
      case Parsed.Valid<NewJob> valid -> answer(ctx, jobs.create(valid.value()), 201);
    }
  }

  void list(Context ctx) {
    Optional<String> account = http.authorize(ctx);
    if (account.isEmpty() || !Http.onlyParams(ctx, Set.of("limit", "cursor"))) {
      return;
    }
    List<InvalidParam> invalid = new ArrayList<>();
    int limit = DEFAULT_LIMIT;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        invalid.add(new InvalidParam("limit", "'%s' (expected: an integer 1 .. %d)".formatted(limitText, MAX_LIMIT)));
      }
    }
    String cursorText = ctx.queryParam("cursor");
    Optional<JobCursor> cursor = cursorText == null ? Optional.empty() : JobCursor.decode(cursorText);
    if (cursorText != null && cursor.isEmpty()) {
      invalid.add(new InvalidParam("cursor", "not a cursor of this list (expected: result_info.cursor of a previous page)"));
    }
    if (!invalid.isEmpty()) {
      Problem.invalidParams(invalid).send(ctx);
      return;
    }
    List<JobView> page = jobs.page(account.get(), cursor, limit + 1);
    ArrayNode result = Http.JSON.createArrayNode();
    page.stream().limit(limit).forEach(v -> result.add(Json.job(v, clock.instant())));
    ObjectNode body = Http.JSON.createObjectNode();
    body.set("result", result);
    ObjectNode info = body.putObject("result_info");
    info.put("count", result.size());
    info.put("cursor", page.size() > limit ? JobCursor.after(page.get(limit - 1)).encode() : null);
    Http.json(ctx, 200, body);
  }

  void get(Context ctx) {
    Optional<String> account = http.authorize(ctx);
    if (account.isEmpty() || !Http.onlyParams(ctx, Set.of())) {
      return;
    }
    Optional<JobView> job = Http.uuid(ctx, "id").flatMap(id -> jobs.find(account.get(), id));
    job.ifPresentOrElse(v -> Http.result(ctx, 200, Json.job(v, clock.instant())), () -> Problem.notFound().send(ctx));
  }

  void patch(Context ctx) {
    Optional<String> account = http.authorize(ctx);
    if (account.isEmpty() || !Http.onlyParams(ctx, Set.of())) {
      return;
    }
    Optional<UUID> id = Http.uuid(ctx, "id");
    if (id.isEmpty() || jobs.find(account.get(), id.get()).isEmpty()) {
      Problem.notFound().send(ctx);
      return;
    }
    Optional<ObjectNode> body = Http.body(ctx);
    if (body.isEmpty()) {
      return;
    }
    switch (requests.patch(body.get())) {
      case Parsed.Invalid<JobPatch> invalid -> Problem.invalidBody(invalid.params()).send(ctx);
      case Parsed.Valid<JobPatch> valid -> answer(ctx, jobs.update(account.get(), id.get(), valid.value()), 200);
    }
  }

  void delete(Context ctx) {
    Optional<String> account = http.authorize(ctx);
    if (account.isEmpty() || !Http.onlyParams(ctx, Set.of())) {
      return;
    }
    if (Http.uuid(ctx, "id").filter(id -> jobs.delete(account.get(), id)).isPresent()) {
      ctx.status(204);
    } else {
      Problem.notFound().send(ctx);
    }
  }

  private void answer(Context ctx, JobOutcome outcome, int status) {
    switch (outcome) {
      case JobOutcome.Saved saved -> Http.result(ctx, status, Json.job(saved.job(), clock.instant()));
      case JobOutcome.NotFound notFound -> Problem.notFound().send(ctx);
      case JobOutcome.NameTaken taken -> Problem.conflict(
          "Another Logpush job of this account is named \"%s\"; choose another name.".formatted(taken.name())).send(ctx);
      case JobOutcome.OwnershipRefused refused -> OwnershipEndpoint.notProven(refused.field(), refused.message()).send(ctx);
      case JobOutcome.ChangedMeanwhile changed -> Problem.conflict(
          "The job changed while this request was handled; read it again and retry.").send(ctx);
    }
  }
}
