package io.auditline.logpush.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.store.api.Access;
import io.auditline.store.api.Problem;
import io.auditline.store.query.InvalidParam;
import io.auditline.store.token.Authenticator;
import io.auditline.store.token.Scope;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The small HTTP chores every Logpush endpoint shares: access, ids, query parameters, JSON in and out. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final Authenticator authenticator;

  Http(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** The path's account when the caller holds {@code logpush:write} on it; otherwise the problem is already sent. */
  Optional<String> authorize(Context ctx) {
    String account = ctx.pathParam("account");
    return switch (Access.check(authenticator, ctx.header("Authorization"), account, Scope.LOGPUSH_WRITE)) {
      case Access.Granted granted -> Optional.of(account);
      case Access.Denied denied -> {
        denied.problem().send(ctx);
        yield Optional.empty();
      }
    };
  }

  /** The request body as a JSON object; otherwise a 400 is already sent. */
  static Optional<ObjectNode> body(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      Problem.malformedBody("The request body has %d bytes (expected: at most %d).".formatted(bytes.length, MAX_BODY_BYTES))
          .send(ctx);
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      Problem.malformedBody("The request body is not valid JSON: " + e.getOriginalMessage()
          + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ".").send(ctx);
      return Optional.empty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (!(node instanceof ObjectNode object)) {
      Problem.malformedBody("The request body must be a JSON object.").send(ctx);
      return Optional.empty();
    }
    return Optional.of(object);
  }

  /** False (and a 400 sent) when the query has parameters other than {@code allowed}. */
  static boolean onlyParams(Context ctx, Set<String> allowed) {
    List<InvalidParam> unknown = new ArrayList<>();
    ctx.queryParamMap().keySet().stream().sorted().filter(name -> !allowed.contains(name))
        .forEach(name -> unknown.add(new InvalidParam(name, "unknown parameter (expected: "
            + (allowed.isEmpty() ? "none" : String.join(", ", allowed.stream().sorted().toList())) + ")")));
    if (unknown.isEmpty()) {
      return true;
    }
    Problem.invalidParams(unknown).send(ctx);
    return false;
  }

  /** The path parameter {@code name} as a UUID; empty for anything else (answered as a missing resource). */
  static Optional<UUID> uuid(Context ctx, String name) {
    String text = ctx.pathParam(name);
    if (text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static void json(Context ctx, int status, JsonNode body) {
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing JSON to memory cannot fail", e);
    }
  }

  /** {@code {"result": value}}. */
  static void result(Context ctx, int status, JsonNode value) {
    ObjectNode body = JSON.createObjectNode();
    body.set("result", value);
    json(ctx, status, body);
  }
}
