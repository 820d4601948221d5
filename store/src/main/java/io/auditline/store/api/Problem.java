package io.auditline.store.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.auditline.store.query.InvalidParam;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document ({@code application/problem+json}); {@code invalidParams} names every
 * rejected query parameter (400) or request-body field, by its JSON path (400, 422).
 */
public record Problem(String type, String title, int status, String detail, List<InvalidParam> invalidParams) {

  public static final String CONTENT_TYPE = "application/problem+json";
  private static final JsonFactory JSON = new JsonFactory();

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(detail, "detail");
    invalidParams = List.copyOf(invalidParams);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status: %d (expected: 400..599)".formatted(status));
    }
  }

  public static Problem invalidParams(List<InvalidParam> params) {
    return new Problem("urn:auditline:problem:invalid-parameters", "Invalid query parameters", 400,
        params.size() == 1 ? "The parameter " + params.get(0).name() + " is invalid."
            : params.size() + " parameters are invalid.", params);
  }

  public static Problem unauthenticated(String detail) {
    return new Problem("urn:auditline:problem:unauthenticated", "Unauthenticated", 401, detail, List.of());
  }

  public static Problem forbidden(String detail) {
    return new Problem("urn:auditline:problem:forbidden", "Forbidden", 403, detail, List.of());
  }

  /** One body for every 404, so that nothing tells a missing account from a foreign one. */
  public static Problem notFound() {
    return new Problem("urn:auditline:problem:not-found", "Not found", 404,
        "The requested resource does not exist.", List.of());
  }

  public static Problem unavailable() {
    return unavailable("The audit-log store cannot answer right now; retry later.");
  }

  public static Problem unavailable(String detail) {
    return new Problem("urn:auditline:problem:unavailable", "Service unavailable", 503, detail, List.of());
  }

  /** A request body that is not JSON, or not the JSON object expected (400). */
  public static Problem malformedBody(String detail) {
    return new Problem("urn:auditline:problem:malformed-body", "Malformed request body", 400, detail, List.of());
  }

  /** A well-formed request body with invalid fields, each named by its JSON path, e.g. {@code output_options.format} (422). */
  public static Problem invalidBody(List<InvalidParam> fields) {
    return unprocessable("urn:auditline:problem:invalid-body", "Invalid request body",
        fields.size() == 1 ? "The field " + fields.get(0).name() + " is invalid." : fields.size() + " fields are invalid.",
        fields);
  }

  /** A valid request that cannot be carried out as asked (422), with a type of its own. */
  public static Problem unprocessable(String type, String title, String detail, List<InvalidParam> fields) {
    return new Problem(type, title, 422, detail, fields);
  }

  /** The request conflicts with the resource's current state, e.g. a name already taken (409). */
  public static Problem conflict(String detail) {
    return new Problem("urn:auditline:problem:conflict", "Conflict", 409, detail, List.of());
  }

  /** A remote system the request depends on failed, e.g. a customer's destination (502). */
  public static Problem badGateway(String detail) {
    return new Problem("urn:auditline:problem:bad-gateway", "Bad gateway", 502, detail, List.of());
  }

  public static Problem internal() {
    return new Problem("urn:auditline:problem:internal", "Internal error", 500,
        "The request failed unexpectedly; the server logged the cause.", List.of());
  }

  /** Answers the request with this problem; a 401 also gets the bearer challenge. */
  public void send(Context ctx) {
    if (status == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"auditline\"");
    }
    ctx.status(status).contentType(CONTENT_TYPE).result(toJson());
  }

  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", type);
      g.writeStringField("title", title);
      g.writeNumberField("status", status);
      g.writeStringField("detail", detail);
      if (!invalidParams.isEmpty()) {
        g.writeArrayFieldStart("invalid_params");
        for (InvalidParam p : invalidParams) {
          g.writeStartObject();
          g.writeStringField("name", p.name());
          g.writeStringField("reason", p.reason());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
