package io.auditline.logpush.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.logpush.format.Describe;
import io.auditline.logpush.format.EventField;
import io.auditline.logpush.format.FieldNames;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Reads filter JSON into an {@link Expr}, reporting every problem with its JSON path. */
final class FilterParser {

  private static final String ROOT = "filter";
  private static final String NODE = "an object with and, or, or key, operator and value";
  private static final List<String> CONDITION_KEYS = List.of("key", "operator", "value");

  private final List<String> errors = new ArrayList<>();
  private int conditions;

  private FilterParser() {}

  static FilterParse parse(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return new FilterParse.Valid(Filter.matchAll());
    }
    FilterParser parser = new FilterParser();
    Expr where = parser.root(node);
    if (parser.conditions > Filter.MAX_CONDITIONS) {
      parser.errors.add("%s.where: %d conditions (expected: at most %d)".formatted(ROOT, parser.conditions,
          Filter.MAX_CONDITIONS));
    }
    return parser.errors.isEmpty() ? new FilterParse.Valid(Filter.of(where)) : new FilterParse.Invalid(parser.errors);
  }

  private Expr root(JsonNode node) {
    if (!node.isObject()) {
      errors.add("%s: %s (expected: an object with where)".formatted(ROOT, Describe.value(node)));
      return null;
    }
    unknownKeys(node, ROOT, List.of("where"));
    JsonNode where = node.get("where");
    if (where == null) {
      errors.add("%s.where: missing (expected: %s)".formatted(ROOT, NODE));
      return null;
    }
    return expr(where, ROOT + ".where", 1);
  }

  private Expr expr(JsonNode node, String path, int depth) {
    if (depth > Filter.MAX_DEPTH) {
      errors.add("%s: nested %d levels deep (expected: at most %d)".formatted(path, depth, Filter.MAX_DEPTH));
      return null;
    }
    if (!node.isObject()) {
      errors.add("%s: %s (expected: %s)".formatted(path, Describe.value(node), NODE));
      return null;
    }
    boolean and = node.has("and");
    boolean or = node.has("or");
    if ((and || or) && node.size() > 1) {
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(k -> keys.add(Describe.key(k)));
      errors.add("%s: keys %s together (expected: only and, only or, or key, operator and value)"
          .formatted(path, String.join(", ", keys)));
      return null;
    }
    if (and || or) {
      String name = and ? "and" : "or";
      List<Expr> list = list(node.get(name), path + "." + name, depth);
      return list == null ? null : and ? new Expr.And(list) : new Expr.Or(list);
    }
    conditions++;
    return condition(node, path);
  }

  private List<Expr> list(JsonNode node, String path, int depth) {
    if (!node.isArray() || node.isEmpty()) {
      errors.add("%s: %s (expected: a non-empty array of conditions)".formatted(path, Describe.value(node)));
      return null;
    }
    List<Expr> list = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      list.add(expr(node.get(i), "%s[%d]".formatted(path, i), depth + 1));
    }
    return list.contains(null) ? null : list;
  }

  private Expr condition(JsonNode node, String path) {
    unknownKeys(node, path, CONDITION_KEYS);
    Optional<String> key = key(node.get("key"), path + ".key");
    Optional<Operator> operator = operator(node.get("operator"), path + ".operator");
    JsonNode value = node.get("value");
    if (value == null) {
      errors.add("%s.value: missing (expected: a value, or null to match a null field)".formatted(path));
      return null;
    }
    if (key.isEmpty() || operator.isEmpty()) {
      return null;
    }
    EventField.Kind kind = kindOf(key.get());
    if (!operator.get().appliesTo(kind)) {
      errors.add("%s.operator: %s (expected: one of %s for number field %s)".formatted(path,
          Describe.text(operator.get().wire()), Operator.wireNames(kind), key.get()));
      return null;
    }
    return Operands.parse(value, path + ".value", key.get(), kind, operator.get(), errors)
        .map(operand -> new Expr.Condition(key.get(), operator.get(), operand)).orElse(null);
  }

  private Optional<String> key(JsonNode node, String path) {
    if (node == null) {
      errors.add("%s: missing (expected: a field name such as action.type)".formatted(path));
      return Optional.empty();
    }
    if (!node.isTextual()) {
      errors.add("%s: %s (expected: a field name such as action.type)".formatted(path, Describe.value(node)));
      return Optional.empty();
    }
    Optional<String> problem = FieldNames.filterableProblem(node.textValue());
    problem.ifPresent(p -> errors.add("%s: %s %s".formatted(path, Describe.value(node), p)));
    return problem.isPresent() ? Optional.empty() : Optional.of(node.textValue());
  }

  private Optional<Operator> operator(JsonNode node, String path) {
    Optional<Operator> operator = node != null && node.isTextual() ? Operator.fromWire(node.textValue()) : Optional.empty();
    if (operator.isEmpty()) {
      errors.add("%s: %s (expected: one of %s)".formatted(path, node == null ? "missing" : Describe.value(node),
          Operator.wireNames(EventField.Kind.STRING)));
    }
    return operator;
  }

  private void unknownKeys(JsonNode node, String path, List<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        errors.add("%s.%s: unknown key (expected: %s)".formatted(path, Describe.key(key), String.join(", ", known)));
      }
    }
  }

  /** Metadata values are strings; every other key names an {@link EventField}. */
  static EventField.Kind kindOf(String key) {
    return EventField.byName(key).map(EventField::kind).orElse(EventField.Kind.STRING);
  }
}
