package io.auditline.logpush.format;

import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventJson;
import java.util.Arrays;
import java.util.Optional;

/**
 * One scalar field of the customer JSON shape ({@link EventJson}), in that shape's order, named by its
 * dotted path. Values read here are exactly what that JSON holds, so filters and CSV agree with it.
 */
public enum EventField {
  ID("id", Kind.STRING, false),
  ACCOUNT_ID("account_id", Kind.STRING, false),
  ACTOR_TYPE("actor.type", Kind.STRING, false),
  ACTOR_ID("actor.id", Kind.STRING, false),
  ACTOR_EMAIL("actor.email", Kind.STRING, true),
  ACTOR_IP("actor.ip", Kind.STRING, true),
  ACTOR_USER_AGENT("actor.user_agent", Kind.STRING, true),
  ACTOR_TOKEN_ID("actor.token_id", Kind.STRING, true),
  ACTOR_TOKEN_NAME("actor.token_name", Kind.STRING, true),
  ACTION_TYPE("action.type", Kind.STRING, false),
  ACTION_DESCRIPTION("action.description", Kind.STRING, true),
  ACTION_RESULT("action.result", Kind.STRING, false),
  ACTION_OCCURRED_AT("action.occurred_at", Kind.TIMESTAMP, false),
  RESOURCE_TYPE("resource.type", Kind.STRING, false),
  RESOURCE_ID("resource.id", Kind.STRING, false),
  RESOURCE_PRODUCT("resource.product", Kind.STRING, true),
  RESOURCE_SCOPE("resource.scope", Kind.STRING, true),
  REQUEST_REQUEST_ID("request.request_id", Kind.STRING, true),
  REQUEST_METHOD("request.method", Kind.STRING, true),
  REQUEST_URI("request.uri", Kind.STRING, true),
  REQUEST_STATUS_CODE("request.status_code", Kind.NUMBER, true),
  ZONE_ID("zone_id", Kind.STRING, true),
  SCHEMA_VERSION("schema_version", Kind.NUMBER, false);

  /** What a field's JSON value is: a string, an integer, or an RFC 3339 timestamp. */
  public enum Kind { STRING, NUMBER, TIMESTAMP }

  // Enum words are computed once; EventJson.enumWord allocates on every call.
  private static final String[] ACTOR_TYPES = words(ActorType.values(), "ACTOR_TYPE_");
  private static final String[] ACTION_RESULTS = words(ActionResult.values(), "ACTION_RESULT_");

  private final String dotted;
  private final Kind kind;
  private final boolean nullable;
  private final String group;
  private final SerializedString member;

  EventField(String dotted, Kind kind, boolean nullable) {
    this.dotted = dotted;
    this.kind = kind;
    this.nullable = nullable;
    int dot = dotted.indexOf('.');
    this.group = dot < 0 ? null : dotted.substring(0, dot);
    this.member = new SerializedString(dotted.substring(dot + 1));
  }

  public String dotted() {
    return dotted;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether the JSON may hold null here: unset optional strings, a zero status code, a missing request. */
  public boolean nullable() {
    return nullable;
  }

  /** The enclosing object ({@code actor}, {@code action}, {@code resource}, {@code request}), or null at top level. */
  public String group() {
    return group;
  }

  SerializedString member() {
    return member;
  }

  public static Optional<EventField> byName(String dotted) {
    return Arrays.stream(values()).filter(f -> f.dotted.equals(dotted)).findFirst();
  }

  /** Whether the JSON value is null; only nullable fields ever are. */
  public boolean isNull(AuditEvent e) {
    return switch (kind) {
      case STRING -> nullable() && string(e).isEmpty();
      case NUMBER -> this == REQUEST_STATUS_CODE && e.getRequest().getStatusCode() == 0;
      case TIMESTAMP -> false;
    };
  }

  /** The value as text (RFC 3339 for timestamps, decimal for numbers), or null where the JSON holds null. */
  public String text(AuditEvent e) {
    if (isNull(e)) {
      return null;
    }
    return switch (kind) {
      case STRING -> string(e);
      case NUMBER -> Integer.toString(number(e));
      case TIMESTAMP -> EventJson.timestamp(timestamp(e));
    };
  }

  /** The value of a string field as the event holds it; empty where the JSON holds null. */
  String string(AuditEvent e) {
    return switch (this) {
      case ID -> e.getId();
      case ACCOUNT_ID -> e.getAccountId();
      case ACTOR_TYPE -> ACTOR_TYPES[e.getActor().getType().ordinal()];
      case ACTOR_ID -> e.getActor().getId();
      case ACTOR_EMAIL -> e.getActor().getEmail();
      case ACTOR_IP -> e.getActor().getIp();
      case ACTOR_USER_AGENT -> e.getActor().getUserAgent();
      case ACTOR_TOKEN_ID -> e.getActor().getTokenId();
      case ACTOR_TOKEN_NAME -> e.getActor().getTokenName();
      case ACTION_TYPE -> e.getAction().getType();
      case ACTION_DESCRIPTION -> e.getAction().getDescription();
      case ACTION_RESULT -> ACTION_RESULTS[e.getAction().getResult().ordinal()];
      case RESOURCE_TYPE -> e.getResource().getType();
      case RESOURCE_ID -> e.getResource().getId();
      case RESOURCE_PRODUCT -> e.getResource().getProduct();
      case RESOURCE_SCOPE -> e.getResource().getScope();
      case REQUEST_REQUEST_ID -> e.getRequest().getRequestId();
      case REQUEST_METHOD -> e.getRequest().getMethod();
      case REQUEST_URI -> e.getRequest().getUri();
      case ZONE_ID -> e.getZoneId();
      case ACTION_OCCURRED_AT, REQUEST_STATUS_CODE, SCHEMA_VERSION ->
          throw new IllegalStateException(dotted + " is not a string field");
    };
  }

  /** The value of a number field as EventJson writes it (a Java int). */
  public int number(AuditEvent e) {
    return switch (this) {
      case REQUEST_STATUS_CODE -> e.getRequest().getStatusCode();
      case SCHEMA_VERSION -> e.getSchemaVersion();
      default -> throw new IllegalStateException(dotted + " is not a number field");
    };
  }

  /** The value of the timestamp field. */
  public Timestamp timestamp(AuditEvent e) {
    if (this != ACTION_OCCURRED_AT) {
      throw new IllegalStateException(dotted + " is not a timestamp field");
    }
    return e.getAction().getOccurredAt();
  }

  private static String[] words(Enum<?>[] values, String prefix) {
    return Arrays.stream(values).map(v -> EventJson.enumWord(v, prefix)).toArray(String[]::new);
  }
}
