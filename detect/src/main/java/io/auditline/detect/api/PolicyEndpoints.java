package io.auditline.detect.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.detect.policy.AlertPolicy;
import io.auditline.detect.policy.ParsedPolicy;
import io.auditline.detect.policy.PolicyJson;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.detect.policy.PolicySpec;
import io.auditline.detect.policy.PolicyValidation;
import io.auditline.detect.policy.PolicyWrite;
import io.auditline.store.api.Problem;
import io.auditline.store.token.Scope;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Alert policies under {@code /v1/accounts/{account}/alert-policies}, every endpoint behind {@code alerts:write}. */
final class PolicyEndpoints {

  private final Http http;
  private final PolicyRepository repository;
  private final boolean plaintextWebhooks;

  PolicyEndpoints(Http http, PolicyRepository repository, boolean plaintextWebhooks) {
    this.http = http;
    this.repository = repository;
    this.plaintextWebhooks = plaintextWebhooks;
  }

  void create(Context ctx) {
    Optional<String> account = http.authorize(ctx, Scope.ALERTS_WRITE);
    Optional<ObjectNode> body = account.flatMap(a -> Http.body(ctx));
    if (body.isEmpty()) {
      return;
    }
    spec(ctx, PolicyValidation.parse(body.get(), Map.of(), plaintextWebhooks)).ifPresent(spec -> answer(ctx, 201, repository.create(account.get(), spec)));
  }

  void list(Context ctx) {
    Optional<String> account = http.authorize(ctx, Scope.ALERTS_WRITE);
    if (account.isEmpty()) {
      return;
    }
    ArrayNode result = Http.JSON.createArrayNode();
    repository.list(account.get()).forEach(p -> result.add(PolicyJson.answer(p)));
    Http.result(ctx, 200, result);
  }

  void get(Context ctx) {
    Optional<String> account = http.authorize(ctx, Scope.ALERTS_WRITE);
    if (account.isEmpty()) {
      return;
    }
    Optional<AlertPolicy> policy = id(ctx).flatMap(id -> repository.get(account.get(), id));
    policy.ifPresentOrElse(p -> Http.result(ctx, 200, PolicyJson.answer(p)), () -> Problem.notFound().send(ctx));
  }

  /** Replaces the fields given; {@code null} resets a field to its default; a webhook may keep its secret with "REDACTED". */
  void patch(Context ctx) {
    Optional<String> account = http.authorize(ctx, Scope.ALERTS_WRITE);
    if (account.isEmpty()) {
      return;
    }
    Optional<AlertPolicy> existing = id(ctx).flatMap(id -> repository.get(account.get(), id));
    if (existing.isEmpty()) {
      Problem.notFound().send(ctx);
      return;
    }
    Optional<ObjectNode> body = Http.body(ctx);
    if (body.isEmpty()) {
      return;
    }
    ObjectNode merged = PolicyJson.spec(existing.get().spec(), false);
    body.get().properties().forEach(e -> {
      if (e.getValue().isNull()) {
        merged.remove(e.getKey());
      } else {
        merged.set(e.getKey(), e.getValue());
      }
    });
    ParsedPolicy parsed = PolicyValidation.parse(merged, PolicyJson.secrets(existing.get().spec()), plaintextWebhooks);
    spec(ctx, parsed).ifPresent(spec -> answer(ctx, 200, repository.update(account.get(), existing.get().id(), spec)));
  }

  void delete(Context ctx) {
    Optional<String> account = http.authorize(ctx, Scope.ALERTS_WRITE);
    if (account.isEmpty()) {
      return;
    }
    if (id(ctx).map(id -> repository.delete(account.get(), id)).orElse(false)) {
      ctx.status(204);
    } else {
      Problem.notFound().send(ctx);
    }
  }

  private static Optional<PolicySpec> spec(Context ctx, ParsedPolicy parsed) {
    return switch (parsed) {
      case ParsedPolicy.Valid valid -> Optional.of(valid.spec());
      case ParsedPolicy.Invalid invalid -> {
        Problem.invalidBody(invalid.fields()).send(ctx);
        yield Optional.empty();
      }
    };
  }

  private static void answer(Context ctx, int status, PolicyWrite write) {
    switch (write) {
      case PolicyWrite.Saved saved -> Http.result(ctx, status, PolicyJson.answer(saved.policy()));
      case PolicyWrite.NameTaken taken ->
          Problem.conflict("The account already has an alert policy named \"%s\".".formatted(taken.name())).send(ctx);
      case PolicyWrite.NotFound notFound -> Problem.notFound().send(ctx);
    }
  }

  /** The path's policy id; a malformed one is simply not found. */
  private static Optional<UUID> id(Context ctx) {
    try {
      return Optional.of(UUID.fromString(ctx.pathParam("id")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
