package io.auditline.store.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.auditline.store.query.InvalidParam;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document ({@code application/problem+json}); {@code invalidParams} is set
 * for 400s and names every rejected query parameter.
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

  static Problem invalidParams(List<InvalidParam> params) {
    return new Problem("urn:auditline:problem:invalid-parameters", "Invalid query parameters", 400,
        params.size() == 1 ? "The parameter " + params.get(0).name() + " is invalid."
            : params.size() + " parameters are invalid.", params);
  }

  static Problem unauthenticated(String detail) {
    return new Problem("urn:auditline:problem:unauthenticated", "Unauthenticated", 401, detail, List.of());
  }

  static Problem forbidden(String detail) {
    return new Problem("urn:auditline:problem:forbidden", "Forbidden", 403, detail, List.of());
  }

  /** One body for every 404, so that nothing tells a missing account from a foreign one. */
  static Problem notFound() {
    return new Problem("urn:auditline:problem:not-found", "Not found", 404,
        "The requested resource does not exist.", List.of());
  }

  static Problem unavailable() {
    return new Problem("urn:auditline:problem:unavailable", "Service unavailable", 503,
        "The audit-log store cannot answer right now; retry later.", List.of());
  }

  static Problem internal() {
    return new Problem("urn:auditline:problem:internal", "Internal error", 500,
        "The request failed unexpectedly; the server logged the cause.", List.of());
  }

  byte[] toJson() {
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
