package io.auditline.detect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.store.query.InvalidParam;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Reads typed fields of a JSON object, collecting a precise error per invalid field by its JSON path. */
final class Fields {

  final List<InvalidParam> errors = new ArrayList<>();

  void reject(String path, String reason) {
    errors.add(new InvalidParam(path, reason));
  }

  /** False (errors noted) when {@code object} has keys outside {@code allowed}. */
  void onlyKeys(ObjectNode object, String prefix, Set<String> allowed) {
    String expected = String.join(", ", new TreeSet<>(allowed));
    object.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        reject(prefix + k, "unknown field (expected: one of " + expected + ")");
      }
    });
  }

  Optional<String> string(JsonNode node, String path, int maxLength) {
    if (!node.isTextual()) {
      reject(path, "%s (expected: a string)".formatted(kind(node)));
      return Optional.empty();
    }
    String s = node.asText();
    if (s.isBlank()) {
      reject(path, "\"%s\" (expected: not blank)".formatted(s));
      return Optional.empty();
    }
    if (s.length() > maxLength) {
      reject(path, "%d characters (expected: at most %d)".formatted(s.length(), maxLength));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /** A list of distinct strings, each passing {@code valid} (whose failure reason is {@code expected}). */
  List<String> strings(JsonNode node, String path, int maxItems, int maxLength, Predicate<String> valid, String expected) {
    if (!node.isArray()) {
      reject(path, "%s (expected: an array of strings)".formatted(kind(node)));
      return List.of();
    }
    if (node.size() > maxItems) {
      reject(path, "%d items (expected: at most %d)".formatted(node.size(), maxItems));
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String itemPath = path + "[" + i + "]";
      Optional<String> s = string(node.get(i), itemPath, maxLength);
      if (s.isEmpty()) {
        continue;
      }
      if (!valid.test(s.get())) {
        reject(itemPath, "\"%s\" (expected: %s)".formatted(s.get(), expected));
      } else if (!values.add(s.get())) {
        reject(itemPath, "\"%s\" (expected: no duplicates)".formatted(s.get()));
      }
    }
    return List.copyOf(values);
  }

  Optional<Long> integer(JsonNode node, String path, long min, long max) {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      reject(path, "%s (expected: an integer from %d to %d)".formatted(kind(node), min, max));
      return Optional.empty();
    }
    long v = node.asLong();
    if (v < min || v > max) {
      reject(path, "%d (expected: an integer from %d to %d)".formatted(v, min, max));
      return Optional.empty();
    }
    return Optional.of(v);
  }

  Optional<Boolean> bool(JsonNode node, String path) {
    if (!node.isBoolean()) {
      reject(path, "%s (expected: true or false)".formatted(kind(node)));
      return Optional.empty();
    }
    return Optional.of(node.asBoolean());
  }

  Optional<ObjectNode> object(JsonNode node, String path) {
    if (node instanceof ObjectNode o) {
      return Optional.of(o);
    }
    reject(path, "%s (expected: an object)".formatted(kind(node)));
    return Optional.empty();
  }

  /** The value as a client would recognize it, short: strings quoted, containers by kind. */
  static String kind(JsonNode node) {
    if (node.isTextual()) {
      String s = node.asText();
      return "\"" + (s.length() > 64 ? s.substring(0, 64) + "..." : s) + "\"";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    return node.toString();
  }
}
