package io.auditline.store.query;

import io.auditline.proto.v1.AuditEvent;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Audit events as RFC 4180 CSV: a header row, then one row per event, CRLF line ends, every field
 * quoted when it holds a comma, quote, CR or LF. {@code metadata} is the JSON object of
 * {@link EventJson}. Values are written as stored, never altered, so a spreadsheet that evaluates
 * cells starting with {@code =} should open the file as text.
 */
public final class EventCsv {

  public static final List<String> COLUMNS = List.of(
      "id", "occurred_at", "account_id",
      "actor_type", "actor_id", "actor_email", "actor_ip", "actor_user_agent", "actor_token_id", "actor_token_name",
      "action_type", "action_result", "action_description",
      "resource_type", "resource_id", "resource_product", "resource_scope",
      "zone_id", "request_id", "request_method", "request_uri", "request_status_code",
      "metadata", "schema_version");

  private EventCsv() {}

  public static void writeHeader(Writer out) throws IOException {
    writeRow(out, COLUMNS);
  }

  public static void writeRow(AuditEvent e, Writer out) throws IOException {
    var a = e.getActor();
    var r = e.getRequest();
    writeRow(out, List.of(
        e.getId(), EventJson.timestamp(e.getAction().getOccurredAt()), e.getAccountId(),
        EventJson.enumWord(a.getType(), "ACTOR_TYPE_"), a.getId(), a.getEmail(), a.getIp(), a.getUserAgent(),
        a.getTokenId(), a.getTokenName(),
        e.getAction().getType(), EventJson.enumWord(e.getAction().getResult(), "ACTION_RESULT_"),
        e.getAction().getDescription(),
        e.getResource().getType(), e.getResource().getId(), e.getResource().getProduct(), e.getResource().getScope(),
        e.getZoneId(), r.getRequestId(), r.getMethod(), r.getUri(),
        r.getStatusCode() == 0 ? "" : Integer.toString(r.getStatusCode()),
        EventJson.metadataJson(e.getMetadataMap()), Integer.toString(e.getSchemaVersion())));
  }

  private static void writeRow(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(quote(fields.get(i)));
    }
    out.write("\r\n");
  }

  static String quote(String field) {
    boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
    return plain ? field : "\"" + field.replace("\"", "\"\"") + "\"";
  }
}
