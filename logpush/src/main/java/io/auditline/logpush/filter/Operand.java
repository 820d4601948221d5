package io.auditline.logpush.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Objects;

/** The value a condition compares with: a string, an integer, null, or the list of {@code in} and {@code !in}. */
public sealed interface Operand {

  JsonNode toJson();

  /** A string, or for {@code action.occurred_at} an RFC 3339 timestamp kept as written. */
  record Text(String value) implements Operand {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public JsonNode toJson() {
      return JsonNodeFactory.instance.textNode(value);
    }
  }

  /** An integer, for number fields. */
  record Number(long value) implements Operand {
    @Override
    public JsonNode toJson() {
      return JsonNodeFactory.instance.numberNode(value);
    }
  }

  /** JSON null: matches a field whose JSON value is null, with {@code eq} only (and {@code !eq} negated). */
  record Null() implements Operand {
    @Override
    public JsonNode toJson() {
      return JsonNodeFactory.instance.nullNode();
    }
  }

  /** The values of {@code in} and {@code !in}: texts or numbers, never null or nested lists. */
  record Values(List<Operand> values) implements Operand {
    public Values {
      values = List.copyOf(values);
      if (values.isEmpty() || values.stream().anyMatch(v -> v instanceof Values || v instanceof Null)) {
        throw new IllegalArgumentException("values: %s (expected: texts or numbers, at least one)".formatted(values));
      }
    }

    @Override
    public JsonNode toJson() {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      values.forEach(v -> array.add(v.toJson()));
      return array;
    }
  }
}
