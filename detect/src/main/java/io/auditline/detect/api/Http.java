package io.auditline.detect.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.store.api.Access;
import io.auditline.store.api.Problem;
import io.auditline.store.token.Authenticator;
import io.auditline.store.token.Scope;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The HTTP chores every detect endpoint shares: access, JSON in and out. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final Authenticator authenticator;

  Http(Authenticator authenticator) {
    this.authenticator = authenticator;
  }

  /** The path's account when the caller holds {@code scope} on it; otherwise the problem is already sent. */
  Optional<String> authorize(Context ctx, Scope scope) {
    String account = ctx.pathParam("account");
    return switch (Access.check(authenticator, ctx.header("Authorization"), account, scope)) {
      case Access.Granted granted -> Optional.of(account);
      case Access.Denied denied -> {
        denied.problem().send(ctx);
        yield Optional.empty();
      }
    };
  }

  /** Like {@link #authorize} but content with either scope; a 403 names both. */
  Optional<String> authorizeEither(Context ctx, Scope first, Scope second) {
    String account = ctx.pathParam("account");
    String header = ctx.header("Authorization");
    Access access = Access.check(authenticator, header, account, first);
    if (access instanceof Access.Denied d && d.problem().status() == 403) {
      access = Access.check(authenticator, header, account, second);
      if (access instanceof Access.Denied again && again.problem().status() == 403) {
        access = new Access.Denied(Problem.forbidden(
            "The API token lacks the scope " + first.wireName() + " or " + second.wireName() + "."));
      }
    }
    return switch (access) {
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!(node instanceof ObjectNode object)) {
      Problem.malformedBody("The request body must be a JSON object.").send(ctx);
      return Optional.empty();
    }
    return Optional.of(object);
  }

  /** Answers {@code {"result": result}} with {@code status}. */
  static void result(Context ctx, int status, JsonNode result) {
    ObjectNode envelope = JSON.createObjectNode();
    envelope.set("result", result);
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(envelope));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
