package io.auditline.logpush.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.proto.v1.AuditEvent;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A job's event filter, compiled once from JSON such as
 * {@code {"where": {"and": [{"key": "action.type", "operator": "eq", "value": "user.login"}, {"or": [...]}]}}}.
 *
 * <p>{@code where} holds one condition ({@code key}, {@code operator}, {@code value}) or one {@code and}
 * or {@code or} of a non-empty list of such nodes. Keys are the dotted field names of the event's JSON
 * shape plus {@code metadata.<key>}. Strings compare by {@link String#compareTo}, number fields
 * numerically, {@code action.occurred_at} as an instant (values are RFC 3339 with any offset; the
 * substring operators see its RFC 3339 UTC text). A field whose JSON value is null (an unset optional
 * string, a missing request or metadata key) matches {@code eq null} and nothing else, except the
 * negations {@code !eq} and {@code !in}, which are exact complements and therefore match it.
 *
 * <p>Limits: {@value #MAX_DEPTH} levels of nesting counting every node, {@value #MAX_CONDITIONS}
 * conditions, {@value #MAX_VALUES} values in a list, {@value #MAX_STRING} characters in a string.
 */
public final class Filter implements Predicate<AuditEvent> {

  public static final int MAX_DEPTH = 8;
  public static final int MAX_CONDITIONS = 50;
  public static final int MAX_VALUES = 1000;
  public static final int MAX_STRING = 1024;

  private static final Filter MATCH_ALL = new Filter(null, e -> true);

  private final Expr where;
  private final Predicate<AuditEvent> compiled;

  private Filter(Expr where, Predicate<AuditEvent> compiled) {
    this.where = where;
    this.compiled = compiled;
  }

  /** Parses a job's {@code filter} object; null or missing means {@link #matchAll()}. */
  public static FilterParse parse(JsonNode node) {
    return FilterParser.parse(node);
  }

  /** The filter that keeps every event: a job without one. */
  public static Filter matchAll() {
    return MATCH_ALL;
  }

  /** Compiles an expression the parser produced. */
  static Filter of(Expr where) {
    return new Filter(Objects.requireNonNull(where, "where"), Compiler.compile(where));
  }

  /** The expression, or empty for {@link #matchAll()}. */
  public Optional<Expr> where() {
    return Optional.ofNullable(where);
  }

  @Override
  public boolean test(AuditEvent event) {
    return compiled.test(event);
  }

  /** The {@code filter} JSON, {@code {"where": ...}}, or JSON null for {@link #matchAll()}; parsing it gives this filter. */
  public JsonNode toJson() {
    if (where == null) {
      return JsonNodeFactory.instance.nullNode();
    }
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.set("where", where.toJson());
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Filter other && Objects.equals(where, other.where);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(where);
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
