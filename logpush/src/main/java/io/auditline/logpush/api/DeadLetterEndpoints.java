package io.auditline.logpush.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.deadletter.DeadLetter;
import io.auditline.logpush.deadletter.DeadLetterStore;
import io.auditline.logpush.deadletter.RedriveOutcome;
import io.auditline.logpush.deadletter.Redriver;
import io.auditline.logpush.job.Job;
import io.auditline.store.api.Problem;
import io.auditline.store.query.InvalidParam;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /v1/accounts/{account}/logpush/jobs/{id}/dead-letters...}: list, show and redrive dead letters. */
final class DeadLetterEndpoints {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;
  /** Redrives per {@code redrive all} request; each is one synchronous upload. */
  static final int REDRIVE_BATCH = 100;

  private final JobLookup lookup;
  private final DeadLetterStore store;
  private final Redriver redriver;

  DeadLetterEndpoints(JobLookup lookup, DeadLetterStore store, Redriver redriver) {
    this.lookup = lookup;
    this.store = store;
    this.redriver = redriver;
  }

  void list(Context ctx) {
    Optional<Job> job = lookup.job(ctx, Set.of("pending", "limit"));
    if (job.isEmpty()) {
      return;
    }
    String pending = ctx.queryParam("pending");
    String limitText = ctx.queryParam("limit");
    int limit = limitText == null ? DEFAULT_LIMIT : parseLimit(limitText);
    if (pending != null && !pending.equals("true") && !pending.equals("false")) {
      Problem.invalidParams(List.of(new InvalidParam("pending", "'%s' (expected: true or false)".formatted(pending)))).send(ctx);
      return;
    }
    if (limit < 1) {
      Problem.invalidParams(List.of(new InvalidParam("limit", "'%s' (expected: an integer 1 .. %d)".formatted(limitText,
          MAX_LIMIT)))).send(ctx);
      return;
    }
    ArrayNode result = Http.JSON.createArrayNode();
    store.list(job.get().id(), "true".equals(pending), limit).forEach(d -> result.add(Json.deadLetter(d)));
    ObjectNode body = Http.JSON.createObjectNode();
    body.set("result", result);
    body.putObject("result_info").put("count", result.size());
    Http.json(ctx, 200, body);
  }

  void get(Context ctx) {
    Optional<Job> job = lookup.job(ctx, Set.of());
    if (job.isPresent()) {
      letter(ctx, job.get()).ifPresent(d -> Http.result(ctx, 200, Json.deadLetter(d)));
    }
  }

  void redrive(Context ctx) {
    Optional<Job> job = lookup.job(ctx, Set.of());
    Optional<DeadLetter> letter = job.flatMap(j -> letter(ctx, j));
    if (letter.isEmpty()) {
      return;
    }
    switch (redriver.redrive(job.get(), letter.get())) {
      case RedriveOutcome.Delivered delivered -> {
        ObjectNode result = Http.JSON.createObjectNode();
        result.put("dead_letter_id", letter.get().id().toString());
        result.put("outcome", "delivered");
        result.put("object_key", delivered.key());
        result.put("records", delivered.records());
        Http.result(ctx, 200, result);
      }
      case RedriveOutcome.AlreadyRedriven already -> Problem.conflict(
          "The dead letter was already redriven at " + already.at() + ".").send(ctx);
      case RedriveOutcome.Failed failed -> Problem.badGateway(
          "The destination did not take the batch (" + failed.reason() + "): " + failed.message()).send(ctx);
    }
  }

  void redriveAll(Context ctx) {
    Optional<Job> job = lookup.job(ctx, Set.of());
    if (job.isEmpty()) {
      return;
    }
    int delivered = 0;
    int already = 0;
    ArrayNode failures = Http.JSON.createArrayNode();
    for (DeadLetter letter : store.list(job.get().id(), true, REDRIVE_BATCH)) {
      switch (redriver.redrive(job.get(), letter)) {
        case RedriveOutcome.Delivered d -> delivered++;
        case RedriveOutcome.AlreadyRedriven a -> already++;
        case RedriveOutcome.Failed failed -> failures.addObject().put("dead_letter_id", letter.id().toString())
            .put("reason", failed.reason()).put("message", failed.message());
      }
    }
    ObjectNode result = Http.JSON.createObjectNode();
    result.put("delivered", delivered);
    result.put("already_redriven", already);
    result.put("failed", failures.size());
    result.set("failures", failures);
    result.put("pending", store.pending(job.get().id()));
    Http.result(ctx, 200, result);
  }

  private Optional<DeadLetter> letter(Context ctx, Job job) {
    Optional<DeadLetter> letter = Http.uuid(ctx, "dl").flatMap(id -> store.find(job.id(), id));
    if (letter.isEmpty()) {
      Problem.notFound().send(ctx);
    }
    return letter;
  }

  private static int parseLimit(String text) {
    try {
      int limit = Integer.parseInt(text);
      return limit <= MAX_LIMIT ? limit : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
