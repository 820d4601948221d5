package io.auditline.detect.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.detect.alert.Alert;
import io.auditline.detect.alert.AlertQuery;
import io.auditline.detect.alert.AlertRepository;
import io.auditline.detect.alert.NotificationRecord;
import io.auditline.detect.notify.NamedCount;
import io.auditline.store.query.InvalidParam;
import io.auditline.store.api.Problem;
import io.auditline.store.token.Scope;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Alert history under {@code /v1/accounts/{account}/alerts}: the list (newest first, filtered by
 * state, zone or policy, cursor-paged) and one alert with its notifications' delivery status.
 * Readable with {@code alerts:write} or {@code audit_logs:read}.
 */
final class AlertEndpoints {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;
  private static final Set<String> LIST_PARAMS = Set.of("state", "zone", "policy_id", "limit", "cursor");

  private final Http http;
  private final AlertRepository alerts;

  AlertEndpoints(Http http, AlertRepository alerts) {
    this.http = http;
    this.alerts = alerts;
  }

  void list(Context ctx) {
    Optional<String> account = http.authorizeEither(ctx, Scope.ALERTS_WRITE, Scope.AUDIT_LOGS_READ);
    if (account.isEmpty()) {
      return;
    }
    List<InvalidParam> invalid = new ArrayList<>();
    ctx.queryParamMap().keySet().stream().filter(k -> !LIST_PARAMS.contains(k)).sorted()
        .forEach(k -> invalid.add(new InvalidParam(k, "unknown parameter (expected: one of " + String.join(", ",
            LIST_PARAMS.stream().sorted().toList()) + ")")));
    Optional<Alert.State> state = Optional.empty();
    String stateText = ctx.queryParam("state");
    if (stateText != null) {
      state = switch (stateText) {
        case "firing" -> Optional.of(Alert.State.FIRING);
        case "resolved" -> Optional.of(Alert.State.RESOLVED);
        default -> {
          invalid.add(new InvalidParam("state", "'%s' (expected: firing or resolved)".formatted(stateText)));
          yield Optional.empty();
        }
      };
    }
    Optional<String> zone = Optional.ofNullable(ctx.queryParam("zone"));
    zone.filter(String::isBlank).ifPresent(z -> invalid.add(new InvalidParam("zone", "empty (expected: a zone id)")));
    Optional<UUID> policy = Optional.empty();
    String policyText = ctx.queryParam("policy_id");
    if (policyText != null) {
      policy = uuid(policyText);
      if (policy.isEmpty()) {
        invalid.add(new InvalidParam("policy_id", "'%s' (expected: a policy id)".formatted(policyText)));
      }
    }
    int limit = DEFAULT_LIMIT;
    String limitText = ctx.queryParam("limit");
    if (limitText != null) {
      limit = parseLimit(limitText);
      if (limit < 1) {
        invalid.add(new InvalidParam("limit", "'%s' (expected: an integer 1 .. %d)".formatted(limitText, MAX_LIMIT)));
      }
    }
    String cursorText = ctx.queryParam("cursor");
    Optional<AlertQuery.Cursor> cursor = cursorText == null ? Optional.empty() : decode(cursorText);
    if (cursorText != null && cursor.isEmpty()) {
      invalid.add(new InvalidParam("cursor", "not a cursor of this list (expected: result_info.cursor of a previous page)"));
    }
    if (!invalid.isEmpty()) {
      Problem.invalidParams(invalid).send(ctx);
      return;
    }
    List<Alert> page = alerts.list(account.get(), new AlertQuery(state, zone, policy, cursor, limit + 1));
    ArrayNode result = Http.JSON.createArrayNode();
    page.stream().limit(limit).forEach(a -> result.add(json(a)));
    ObjectNode body = Http.JSON.createObjectNode();
    body.set("result", result);
    ObjectNode info = body.putObject("result_info");
    info.put("count", result.size());
    info.put("cursor", page.size() > limit ? encode(page.get(limit - 1)) : null);
    ctx.status(200).contentType("application/json").result(body.toString());
  }

  void get(Context ctx) {
    Optional<String> account = http.authorizeEither(ctx, Scope.ALERTS_WRITE, Scope.AUDIT_LOGS_READ);
    if (account.isEmpty()) {
      return;
    }
    Optional<Alert> alert = uuid(ctx.pathParam("id")).flatMap(id -> alerts.get(account.get(), id));
    if (alert.isEmpty()) {
      Problem.notFound().send(ctx);
      return;
    }
    ObjectNode json = json(alert.get());
    ArrayNode notifications = json.putArray("notifications");
    for (NotificationRecord n : alerts.notifications(alert.get().id())) {
      ObjectNode o = notifications.addObject();
      o.put("id", n.id().toString());
      o.put("state", n.state().wireName());
      o.put("channel_index", n.channelIndex());
      o.put("channel_type", n.channelType());
      o.put("status", n.status());
      o.put("attempts", n.attempts());
      o.put("last_error", n.lastError().orElse(null));
      o.put("next_attempt_at", n.status().equals("pending") ? n.nextAttemptAt().toString() : null);
      o.put("finished_at", n.finishedAt().map(Instant::toString).orElse(null));
    }
    Http.result(ctx, 200, json);
  }

  static ObjectNode json(Alert a) {
    ObjectNode o = Http.JSON.createObjectNode();
    o.put("id", a.id().toString());
    o.put("state", a.state().wireName());
    o.put("zone_id", a.zoneId());
    o.put("policy_id", a.policyId().toString());
    o.put("policy_name", a.policyName());
    o.put("detector", a.detector());
    o.put("started_at", a.startedAt().toString());
    o.put("last_hot_at", a.lastHotAt().toString());
    o.put("resolved_at", a.resolvedAt().map(Instant::toString).orElse(null));
    ObjectNode window = o.putObject("window");
    window.put("start", a.windowStart().toString());
    window.put("end", a.windowEnd().toString());
    o.put("observed", a.observed());
    o.put("expected", a.expected());
    o.put("score", a.score());
    o.put("threshold", a.threshold());
    counts(o.putArray("top_rules"), a.topRules());
    counts(o.putArray("top_client_ips"), a.topClientIps());
    counts(o.putArray("top_countries"), a.topCountries());
    return o;
  }

  private static void counts(ArrayNode array, List<NamedCount> counts) {
    counts.forEach(n -> array.addObject().put("name", n.name()).put("count", n.count()));
  }

  private static int parseLimit(String text) {
    try {
      int limit = Integer.parseInt(text);
      return limit >= 1 && limit <= MAX_LIMIT ? limit : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String encode(Alert last) {
    String raw = last.startedAt() + "|" + last.id();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<AlertQuery.Cursor> decode(String text) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      if (bar < 0) {
        return Optional.empty();
      }
      return Optional.of(new AlertQuery.Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1))));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
