package io.auditline.logpush.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;

/** Evaluates a condition on the event's JSON (EventJson) the slow, obvious way, to check the compiled filter. */
final class Reference {

  private Reference() {}

  static boolean matches(Expr.Condition c, JsonNode event) {
    boolean positive = positive(c, at(event, c.key()));
    return c.operator().negated() != positive;
  }

  private static JsonNode at(JsonNode event, String key) {
    if (key.startsWith("metadata.")) {
      JsonNode v = event.get("metadata").get(key.substring("metadata.".length()));
      return v == null ? NullNode.getInstance() : v;
    }
    JsonNode node = event;
    for (String part : key.split("\\.")) {
      node = node.isNull() ? node : node.get(part);
    }
    return node;
  }

  private static boolean positive(Expr.Condition c, JsonNode v) {
    if (c.value() instanceof Operand.Null) {
      return v.isNull();
    }
    if (v.isNull()) {
      return false;
    }
    if (c.value() instanceof Operand.Values values) {
      return values.values().stream().anyMatch(x -> compare(v, x) == 0);
    }
    String text = v.isTextual() ? v.textValue() : null;
    String x = c.value() instanceof Operand.Text t ? t.value() : null;
    return switch (c.operator()) {
      case EQ, NOT_EQ -> compare(v, c.value()) == 0;
      case LT -> compare(v, c.value()) < 0;
      case LEQ -> compare(v, c.value()) <= 0;
      case GT -> compare(v, c.value()) > 0;
      case GEQ -> compare(v, c.value()) >= 0;
      case STARTS_WITH -> text.startsWith(x);
      case ENDS_WITH -> text.endsWith(x);
      case CONTAINS -> text.contains(x);
      case IN, NOT_IN -> throw new IllegalStateException();
    };
  }

  private static int compare(JsonNode v, Operand x) {
    return switch (x) {
      case Operand.Number n -> Long.compare(v.longValue(), n.value());
      case Operand.Text t when looksLikeTimestamp(v) && looksLikeTimestamp(t.value()) ->
          Instant.parse(v.textValue()).compareTo(java.time.OffsetDateTime.parse(t.value()).toInstant());
      case Operand.Text t -> v.textValue().compareTo(t.value());
      default -> throw new IllegalStateException();
    };
  }

  private static boolean looksLikeTimestamp(JsonNode v) {
    return v.isTextual() && looksLikeTimestamp(v.textValue());
  }

  private static boolean looksLikeTimestamp(String s) {
    return s.matches("[+-]?\\d{4,}-\\d{2}-\\d{2}T.*Z");
  }
}
