package io.auditline.store.query;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the query parameters of the audit-log endpoints into an {@link AuditLogQuery}, reporting
 * every bad parameter at once with its name, the value given and what was expected. Unknown and
 * repeated parameters are rejected, never ignored.
 *
 * <p>The default range ends now and starts {@link #DEFAULT_RANGE} before its end: {@code before}
 * defaults to the time of the request and {@code since} to {@code before} minus 30 days. A cursor
 * carries the range of the first page, so paging with defaults stays on the same range.
 */
public final class AuditLogQueryParser {

  public static final Duration DEFAULT_RANGE = Duration.ofDays(30);

  static final List<String> FILTERS = List.of("actor_id", "actor_email", "actor_ip", "action_type",
      "action_type_prefix", "action_result", "resource_type", "resource_id", "zone_id");
  private static final Set<String> PAGE_PARAMS = names("since", "before", "limit", "direction", "cursor");
  private static final Set<String> EXPORT_PARAMS = names("since", "before", "direction", "format");

  private static final Pattern RFC_3339 = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
  private static final Pattern ACTION_TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
  private static final Pattern DOTTED_PREFIX = Pattern.compile("[a-z][a-z0-9_.]*");
  private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
  private static final int MAX_ECHO = 100;

  private AuditLogQueryParser() {}

  /** Parses the parameters of {@code GET /v1/accounts/{account}/audit-logs}. */
  public static Parsed<AuditLogQuery> page(String account, Map<String, List<String>> params, Instant now) {
    Reader r = new Reader(params, PAGE_PARAMS);
    Optional<Instant> since = r.get("since", AuditLogQueryParser::timestamp);
    Optional<Instant> before = r.get("before", AuditLogQueryParser::timestamp);
    AuditLogFilters filters = filters(r);
    int limit = r.get("limit", AuditLogQueryParser::limit).orElse(AuditLogQuery.DEFAULT_LIMIT);
    Direction direction = r.get("direction", AuditLogQueryParser::direction).orElse(Direction.NEWEST);
    Optional<Cursor> cursor = r.get("cursor", AuditLogQueryParser::cursor);
    if (!r.errors.isEmpty()) {
      return new Parsed.Invalid<>(r.errors);
    }
    Instant resolvedBefore = before.or(() -> cursor.map(Cursor::before)).orElse(now);
    Instant resolvedSince = since.or(() -> cursor.map(Cursor::since)).orElse(resolvedBefore.minus(DEFAULT_RANGE));
    Optional<InvalidParam> range = range(since, before, resolvedSince, resolvedBefore);
    if (range.isPresent()) {
      return new Parsed.Invalid<>(List.of(range.get()));
    }
    AuditLogQuery query = new AuditLogQuery(account, resolvedSince, resolvedBefore, filters, limit, direction,
        cursor.map(Cursor::after));
    if (cursor.isPresent() && !cursor.get().issuedFor(query)) {
      return new Parsed.Invalid<>(List.of(new InvalidParam("cursor", "was issued for a different query"
          + " (expected: the cursor of a page of this account with the same since, before, direction and filters)")));
    }
    return new Parsed.Valid<>(query);
  }

  /** Parses the parameters of {@code GET /v1/accounts/{account}/audit-logs/export}. */
  public static Parsed<ExportRequest> export(String account, Map<String, List<String>> params, Instant now) {
    Reader r = new Reader(params, EXPORT_PARAMS);
    Optional<Instant> since = r.get("since", AuditLogQueryParser::timestamp);
    Optional<Instant> before = r.get("before", AuditLogQueryParser::timestamp);
    AuditLogFilters filters = filters(r);
    Direction direction = r.get("direction", AuditLogQueryParser::direction).orElse(Direction.OLDEST);
    Optional<ExportFormat> format = r.get("format", AuditLogQueryParser::format);
    if (format.isEmpty() && !params.containsKey("format")) {
      r.errors.add(new InvalidParam("format", "missing (expected: ndjson or csv)"));
    }
    if (!r.errors.isEmpty()) {
      return new Parsed.Invalid<>(r.errors);
    }
    Instant resolvedBefore = before.orElse(now);
    Instant resolvedSince = since.orElse(resolvedBefore.minus(DEFAULT_RANGE));
    Optional<InvalidParam> range = range(since, before, resolvedSince, resolvedBefore);
    if (range.isPresent()) {
      return new Parsed.Invalid<>(List.of(range.get()));
    }
    AuditLogQuery query = new AuditLogQuery(account, resolvedSince, resolvedBefore, filters,
        AuditLogQuery.DEFAULT_LIMIT, direction, Optional.empty());
    return new Parsed.Valid<>(new ExportRequest(query, format.get()));
  }

  private static AuditLogFilters filters(Reader r) {
    Optional<String> actionType = r.get("action_type", v -> pattern(v, ACTION_TYPE, 128,
        "a dotted lower-case action type such as zone.settings.update"));
    Optional<String> actionTypePrefix = r.get("action_type_prefix", v -> pattern(v, DOTTED_PREFIX, 128,
        "a lower-case prefix of action types such as zone. or zone.settings"));
    if (actionType.isPresent() && actionTypePrefix.isPresent()) {
      r.errors.add(new InvalidParam("action_type_prefix", "given together with action_type (expected: at most one of the two)"));
      actionTypePrefix = Optional.empty();
    }
    return new AuditLogFilters(
        r.get("actor_id", v -> text(v, 256)),
        r.get("actor_email", AuditLogQueryParser::email),
        r.get("actor_ip", Cidr::parse),
        actionType,
        actionTypePrefix,
        r.get("action_result", AuditLogQueryParser::actionResult),
        r.get("resource_type", v -> pattern(v, DOTTED_PREFIX, 128, "a lower-case resource type such as zone.setting")),
        r.get("resource_id", v -> text(v, 256)),
        r.get("zone_id", v -> pattern(v, ZONE_ID, 64, "letters, digits, _ and -")));
  }

  private static Optional<InvalidParam> range(Optional<Instant> since, Optional<Instant> before,
      Instant resolvedSince, Instant resolvedBefore) {
    if (resolvedSince.isBefore(resolvedBefore)) {
      return Optional.empty();
    }
    String end = before.isPresent() ? "before (" + resolvedBefore + ")" : "before (default: now, " + resolvedBefore + ")";
    String start = since.map(Instant::toString).orElse(resolvedSince.toString());
    String name = since.isPresent() ? "since" : "before";
    return Optional.of(new InvalidParam(name, since.isPresent()
        ? "%s is not earlier than %s (expected: since < before)".formatted(start, end)
        : "%s leaves no room for the default since (expected: since < before)".formatted(resolvedBefore)));
  }

  static Instant timestamp(String v) {
    if (!RFC_3339.matcher(v).matches()) {
      throw new IllegalArgumentException("(expected: an RFC 3339 timestamp such as 2025-01-31T12:00:00Z)");
    }
    try {
      return OffsetDateTime.parse(v.toUpperCase(Locale.ROOT)).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("(expected: an RFC 3339 timestamp with a valid date and time)");
    }
  }

  private static int limit(String v) {
    if (!DIGITS.matcher(v).matches() || Integer.parseInt(v) < 1 || Integer.parseInt(v) > AuditLogQuery.MAX_LIMIT) {
      throw new IllegalArgumentException("(expected: an integer in 1..%d)".formatted(AuditLogQuery.MAX_LIMIT));
    }
    return Integer.parseInt(v);
  }

  private static Direction direction(String v) {
    return Direction.fromWireName(v).orElseThrow(() -> new IllegalArgumentException("(expected: newest or oldest)"));
  }

  private static ExportFormat format(String v) {
    return ExportFormat.fromWireName(v).orElseThrow(() -> new IllegalArgumentException("(expected: ndjson or csv)"));
  }

  private static Cursor cursor(String v) {
    return Cursor.decode(v).orElseThrow(() -> new IllegalArgumentException(
        "(expected: the result_info.cursor of a previous page, unchanged)"));
  }

  private static String actionResult(String v) {
    if (!v.equals("success") && !v.equals("failure")) {
      throw new IllegalArgumentException("(expected: success or failure)");
    }
    return v;
  }

  private static String email(String v) {
    text(v, 254);
    if (v.indexOf('@') < 1 || v.indexOf('@') == v.length() - 1) {
      throw new IllegalArgumentException("(expected: an email address such as alice@example.com)");
    }
    return v.toLowerCase(Locale.ROOT);
  }

  private static String pattern(String v, Pattern pattern, int maxLength, String expectation) {
    if (v.length() > maxLength || !pattern.matcher(v).matches()) {
      throw new IllegalArgumentException("(expected: %s, at most %d characters)".formatted(expectation, maxLength));
    }
    return v;
  }

  private static String text(String v, int maxLength) {
    if (v.length() > maxLength) {
      throw new IllegalArgumentException("(expected: at most %d characters)".formatted(maxLength));
    }
    if (v.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("(expected: no control characters)");
    }
    return v;
  }

  private static Set<String> names(String... own) {
    Set<String> names = new TreeSet<>(FILTERS);
    names.addAll(List.of(own));
    return names;
  }

  static String echo(String value) {
    String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
    StringBuilder quoted = new StringBuilder("\"");
    shown.codePoints().forEach(c -> {
      if (Character.isISOControl(c)) {
        quoted.append("\\u%04x".formatted(c));
      } else {
        quoted.appendCodePoint(c);
      }
    });
    return quoted.append('"').toString();
  }

  /** Reads single-valued parameters, collecting errors instead of stopping at the first. */
  private static final class Reader {
    private final Map<String, List<String>> params;
    final List<InvalidParam> errors = new ArrayList<>();

    Reader(Map<String, List<String>> params, Set<String> allowed) {
      this.params = params;
      params.keySet().stream().filter(name -> !allowed.contains(name)).sorted().forEach(name ->
          errors.add(new InvalidParam(name, "unknown parameter (expected one of: %s)".formatted(String.join(", ", allowed)))));
    }

    <T> Optional<T> get(String name, Function<String, T> parse) {
      List<String> values = params.get(name);
      if (values == null || values.isEmpty()) {
        return Optional.empty();
      }
      if (values.size() > 1) {
        errors.add(new InvalidParam(name, "given %d times (expected: at most once)".formatted(values.size())));
        return Optional.empty();
      }
      String value = values.get(0);
      if (value.isEmpty()) {
        errors.add(new InvalidParam(name, "empty (expected: a value, or leave the parameter out)"));
        return Optional.empty();
      }
      try {
        return Optional.of(parse.apply(value));
      } catch (IllegalArgumentException e) {
        errors.add(new InvalidParam(name, echo(value) + " " + e.getMessage()));
        return Optional.empty();
      }
    }
  }
}
