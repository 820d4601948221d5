package io.auditline.store.query;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The customer-facing JSON of an audit event, shared by the query API, exports and Logpush.
 *
 * <p>Field names are snake_case; enums are lower-case words without their prefix ({@code user},
 * {@code api_token}, {@code success}); timestamps are RFC 3339 in UTC; {@code metadata} is an
 * object with sorted keys. Every field is always present so that consumers see one shape: unset
 * optional strings are {@code null}, and so is {@code request} when the event had none.
 */
public final class EventJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private EventJson() {}

  /** The event as one compact JSON object. */
  public static String toJson(AuditEvent event) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(event, g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  /** Writes the event as one JSON object at the generator's current position. */
  public static void write(AuditEvent event, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", event.getId());
    g.writeStringField("account_id", event.getAccountId());
    writeActor(event.getActor(), g);
    writeAction(event.getAction(), g);
    writeResource(event.getResource(), g);
    if (event.hasRequest()) {
      writeRequest(event.getRequest(), g);
    } else {
      g.writeNullField("request");
    }
    optional(g, "zone_id", event.getZoneId());
    g.writeFieldName("metadata");
    writeMetadata(event.getMetadataMap(), g);
    g.writeNumberField("schema_version", event.getSchemaVersion());
    g.writeEndObject();
  }

  /** The metadata object alone, keys sorted (the CSV export's {@code metadata} column). */
  public static String metadataJson(Map<String, String> metadata) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writeMetadata(metadata, g);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return out.toString();
  }

  private static void writeMetadata(Map<String, String> metadata, JsonGenerator g) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, String> e : new TreeMap<>(metadata).entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  /** {@code ACTOR_TYPE_API_TOKEN} becomes {@code api_token}; numbers this build does not know become {@code unknown}. */
  public static String enumWord(Enum<?> value, String prefix) {
    String name = value.name();
    if (name.equals("UNRECOGNIZED")) {
      return "unknown";
    }
    return name.substring(name.startsWith(prefix) ? prefix.length() : 0).toLowerCase(Locale.ROOT);
  }

  /** RFC 3339 in UTC, e.g. {@code 2025-01-31T12:00:00.123Z}. */
  public static String timestamp(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
  }

  private static void writeActor(Actor a, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("actor");
    g.writeStringField("type", enumWord(a.getType(), "ACTOR_TYPE_"));
    g.writeStringField("id", a.getId());
    optional(g, "email", a.getEmail());
    optional(g, "ip", a.getIp());
    optional(g, "user_agent", a.getUserAgent());
    optional(g, "token_id", a.getTokenId());
    optional(g, "token_name", a.getTokenName());
    g.writeEndObject();
  }

  private static void writeAction(Action a, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("action");
    g.writeStringField("type", a.getType());
    optional(g, "description", a.getDescription());
    g.writeStringField("result", enumWord(a.getResult(), "ACTION_RESULT_"));
    g.writeStringField("occurred_at", timestamp(a.getOccurredAt()));
    g.writeEndObject();
  }

  private static void writeResource(Resource r, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("resource");
    g.writeStringField("type", r.getType());
    g.writeStringField("id", r.getId());
    optional(g, "product", r.getProduct());
    optional(g, "scope", r.getScope());
    g.writeEndObject();
  }

  private static void writeRequest(RequestContext r, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("request");
    optional(g, "request_id", r.getRequestId());
    optional(g, "method", r.getMethod());
    optional(g, "uri", r.getUri());
    if (r.getStatusCode() == 0) {
      g.writeNullField("status_code");
    } else {
      g.writeNumberField("status_code", r.getStatusCode());
    }
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String name, String value) throws IOException {
    if (value.isEmpty()) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, value);
    }
  }
}
