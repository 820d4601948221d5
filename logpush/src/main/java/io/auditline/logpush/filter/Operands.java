package io.auditline.logpush.filter;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditline.logpush.format.Describe;
import io.auditline.logpush.format.EventField;
import io.auditline.logpush.format.Rfc3339;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a condition's value against its field's kind and operator, and the size limits. */
final class Operands {

  private Operands() {}

  static Optional<Operand> parse(JsonNode node, String path, String key, EventField.Kind kind, Operator operator,
      List<String> errors) {
    if (operator.takesList()) {
      return list(node, path, key, kind, operator, errors);
    }
    if (node.isArray() || node.isObject()) {
      errors.add("%s: %s (expected: a single value for %s; arrays only with in and !in)"
          .formatted(path, Describe.value(node), operator.wire()));
      return Optional.empty();
    }
    if (node.isNull()) {
      if (operator == Operator.EQ || operator == Operator.NOT_EQ) {
        return Optional.of(new Operand.Null());
      }
      errors.add("%s: null (expected: %s; null only with eq and !eq)".formatted(path, expected(kind, operator, key)));
      return Optional.empty();
    }
    return scalar(node, path, key, kind, operator, errors);
  }

  private static Optional<Operand> list(JsonNode node, String path, String key, EventField.Kind kind, Operator operator,
      List<String> errors) {
    if (!node.isArray() || node.isEmpty()) {
      errors.add("%s: %s (expected: a non-empty array for %s)".formatted(path, Describe.value(node), operator.wire()));
      return Optional.empty();
    }
    if (node.size() > Filter.MAX_VALUES) {
      errors.add("%s: %d values (expected: at most %d)".formatted(path, node.size(), Filter.MAX_VALUES));
      return Optional.empty();
    }
    List<Operand> values = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < node.size(); i++) {
      Optional<Operand> value = scalar(node.get(i), "%s[%d]".formatted(path, i), key, kind, operator, errors);
      value.ifPresent(values::add);
      ok &= value.isPresent();
    }
    return ok ? Optional.of(new Operand.Values(values)) : Optional.empty();
  }

  private static Optional<Operand> scalar(JsonNode node, String path, String key, EventField.Kind kind, Operator operator,
      List<String> errors) {
    boolean fits = switch (kind) {
      case STRING -> node.isTextual();
      case NUMBER -> node.isIntegralNumber() && node.canConvertToLong();
      case TIMESTAMP -> node.isTextual() && (operator.textual() || Rfc3339.parse(node.textValue()).isPresent());
    };
    if (!fits) {
      errors.add("%s: %s (expected: %s)".formatted(path, Describe.value(node), expected(kind, operator, key)));
      return Optional.empty();
    }
    if (node.isTextual() && node.textValue().length() > Filter.MAX_STRING) {
      errors.add("%s: a string of %d characters (expected: at most %d)".formatted(path, node.textValue().length(),
          Filter.MAX_STRING));
      return Optional.empty();
    }
    return Optional.of(node.isTextual() ? new Operand.Text(node.textValue()) : new Operand.Number(node.longValue()));
  }

  private static String expected(EventField.Kind kind, Operator operator, String key) {
    return switch (kind) {
      case STRING -> "a string for " + key;
      case NUMBER -> "an integer for " + key;
      case TIMESTAMP -> operator.textual() ? "a string for " + key
          : "an RFC 3339 timestamp such as 2025-01-31T12:00:00Z for " + key;
    };
  }
}
