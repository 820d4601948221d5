package io.auditline.logpush.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** A parsed filter expression: conditions combined with {@code and} and {@code or}, as written. */
public sealed interface Expr {

  /** This expression as the JSON it was parsed from (the value of {@code where} or of a list element). */
  JsonNode toJson();

  /** Matches when every expression matches. */
  record And(List<Expr> all) implements Expr {
    public And {
      all = nonEmpty(all, "and");
    }

    @Override
    public JsonNode toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      ArrayNode list = json.putArray("and");
      all.forEach(e -> list.add(e.toJson()));
      return json;
    }
  }

  /** Matches when any expression matches. */
  record Or(List<Expr> any) implements Expr {
    public Or {
      any = nonEmpty(any, "or");
    }

    @Override
    public JsonNode toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      ArrayNode list = json.putArray("or");
      any.forEach(e -> list.add(e.toJson()));
      return json;
    }
  }

  /** {@code key} is a dotted field name; the parser has checked that operator and value suit its kind. */
  record Condition(String key, Operator operator, Operand value) implements Expr {
    public Condition {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public JsonNode toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("key", key);
      json.put("operator", operator.wire());
      json.set("value", value.toJson());
      return json;
    }
  }

  private static List<Expr> nonEmpty(List<Expr> list, String name) {
    List<Expr> copy = List.copyOf(list);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(name + ": [] (expected: at least one expression)");
    }
    return copy;
  }
}
