package io.auditline.store.index;

import com.google.protobuf.InvalidProtocolBufferException;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Maps a record of {@code audit.events.v1} to an {@code audit_events} row, or says why it cannot.
 *
 * <p>Ingest has validated every event already; the checks here repeat only what the columns and
 * indexes need (lengths that fit a btree entry, a parseable UUID and IP, no NUL characters), so that
 * one malformed record becomes a reject instead of a batch that fails forever.
 */
public final class EventMapper {

  /** Record header carrying the producer identity, set by ingest. */
  public static final String PRODUCER_HEADER = "auditline.producer";

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern IPV4 =
      Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  // Only hex digits, colons and dots, starting with a hex digit or a colon: the JDK then parses it as
  // a literal and never asks DNS.
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]{1,44}");

  private EventMapper() {}

  /** The row for {@code record}, or the reason it is rejected. */
  public static Mapping map(ConsumerRecord<byte[], byte[]> record) {
    if (record.value() == null) {
      return new Mapping.Rejected(RejectReason.UNPARSEABLE, "record has no value");
    }
    AuditEvent event;
    try {
      event = AuditEvent.parseFrom(record.value());
    } catch (InvalidProtocolBufferException e) {
      return new Mapping.Rejected(RejectReason.UNPARSEABLE, "not an auditline.v1.AuditEvent: " + e.getMessage());
    }
    String producer = header(record, PRODUCER_HEADER);
    if (producer == null || producer.isEmpty()) {
      return new Mapping.Rejected(RejectReason.MISSING_PRODUCER, "no " + PRODUCER_HEADER + " header");
    }
    try {
      return new Mapping.Indexable(row(event, producer, record));
    } catch (InvalidEvent e) {
      return new Mapping.Rejected(RejectReason.INVALID_EVENT, e.getMessage());
    }
  }

  private static IndexRow row(AuditEvent e, String producer, ConsumerRecord<byte[], byte[]> record) {
    return new IndexRow(
        required("account_id", e.getAccountId(), 64),
        occurredAt(e),
        uuid(e.getId()),
        actorType(e.getActor().getType()),
        required("actor.id", e.getActor().getId(), 256),
        optional("actor.email", e.getActor().getEmail(), 254),
        ip(e.getActor().getIp()),
        required("action.type", e.getAction().getType(), 128),
        actionResult(e.getAction().getResult()),
        required("resource.type", e.getResource().getType(), 128),
        required("resource.id", e.getResource().getId(), 256),
        optional("zone_id", e.getZoneId(), 64),
        required("producer", producer, 256),
        record.partition(),
        record.offset(),
        record.value());
  }

  static String actorType(ActorType type) {
    return switch (type) {
      case ACTOR_TYPE_USER -> "user";
      case ACTOR_TYPE_API_TOKEN -> "api_token";
      case ACTOR_TYPE_SERVICE -> "service";
      case ACTOR_TYPE_SYSTEM -> "system";
      case ACTOR_TYPE_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidEvent("actor.type " + type + " is not a known actor type");
    };
  }

  static String actionResult(ActionResult result) {
    return switch (result) {
      case ACTION_RESULT_SUCCESS -> "success";
      case ACTION_RESULT_FAILURE -> "failure";
      case ACTION_RESULT_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidEvent("action.result " + result + " is not a known result");
    };
  }

  private static Instant occurredAt(AuditEvent e) {
    if (!e.getAction().hasOccurredAt()) {
      throw new InvalidEvent("action.occurred_at is missing");
    }
    try {
      return Instant.ofEpochSecond(e.getAction().getOccurredAt().getSeconds(), e.getAction().getOccurredAt().getNanos());
    } catch (DateTimeException | ArithmeticException ex) {
      throw new InvalidEvent("action.occurred_at is out of range: " + ex.getMessage());
    }
  }

  private static UUID uuid(String id) {
    if (!UUID_TEXT.matcher(id).matches()) {
      throw new InvalidEvent("id '" + abbreviate(id) + "' is not a UUID");
    }
    return UUID.fromString(id);
  }

  /** The IP as written, or null when absent; anything PostgreSQL's inet might refuse is invalid. */
  static String ip(String ip) {
    if (ip.isEmpty()) {
      return null;
    }
    if (IPV4.matcher(ip).matches()) {
      return ip;
    }
    if (ip.indexOf(':') >= 0 && IPV6_CHARS.matcher(ip).matches()) {
      try {
        InetAddress.getByName(ip);
        return ip;
      } catch (UnknownHostException e) {
        // Falls through to the reject below.
      }
    }
    throw new InvalidEvent("actor.ip '" + abbreviate(ip) + "' is not an IP address");
  }

  private static String required(String field, String value, int maxLength) {
    if (value.isEmpty()) {
      throw new InvalidEvent(field + " is empty");
    }
    return checked(field, value, maxLength);
  }

  private static String optional(String field, String value, int maxLength) {
    return value.isEmpty() ? null : checked(field, value, maxLength);
  }

  private static String checked(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      throw new InvalidEvent(field + " has " + value.length() + " characters (expected: at most " + maxLength + ")");
    }
    if (value.indexOf('\0') >= 0) {
      throw new InvalidEvent(field + " contains a NUL character");
    }
    return value;
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "...";
  }

  // Control flow inside this class only: each mapping rule throws it with the operator's message.
  private static final class InvalidEvent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidEvent(String message) {
      super(message, null, false, false);
    }
  }
}
