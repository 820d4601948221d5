package io.auditline.platform.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Operations on the config tree before it is bound: env names, dotted paths, merging, lists. */
final class ConfigTree {

  static final String ENV_PREFIX = "AUDITLINE_";

  private ConfigTree() {}

  /**
   * Maps {@code AUDITLINE_INGEST__MAX_EVENTS_PER_REQUEST} to {@code ingest.maxEventsPerRequest};
   * empty for names without the prefix.
   */
  static Optional<String> envNameToPath(String name) {
    if (!name.startsWith(ENV_PREFIX) || name.length() == ENV_PREFIX.length()) {
      return Optional.empty();
    }
    StringBuilder path = new StringBuilder();
    for (String segment : name.substring(ENV_PREFIX.length()).split("__", -1)) {
      if (segment.isEmpty()) {
        return Optional.empty();
      }
      if (!path.isEmpty()) {
        path.append('.');
      }
      path.append(camelCase(segment));
    }
    return Optional.of(path.toString());
  }

  static String camelCase(String upperSnake) {
    StringBuilder out = new StringBuilder();
    boolean upperNext = false;
    for (char c : upperSnake.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upperNext = !out.isEmpty();
      } else {
        out.append(upperNext ? Character.toUpperCase(c) : c);
        upperNext = false;
      }
    }
    return out.toString();
  }

  /** Sets a string at a dotted path, creating objects on the way. */
  static void set(ObjectNode root, String path, String value, String origin) {
    String[] segments = path.split("\\.", -1);
    ObjectNode node = root;
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].isEmpty()) {
        throw new ConfigException("%s: invalid key '%s' (expected: dotted names like ingest.port)"
            .formatted(origin, path));
      }
      JsonNode child = node.get(segments[i]);
      if (child == null || child.isNull()) {
        node = node.putObject(segments[i]);
      } else if (child instanceof ObjectNode object) {
        node = object;
      } else {
        throw new ConfigException("%s: cannot set '%s' because '%s' is a %s (expected: an object)"
            .formatted(origin, path, String.join(".", java.util.Arrays.copyOf(segments, i + 1)),
                child.getNodeType().name().toLowerCase(Locale.ROOT)));
      }
    }
    node.set(segments[segments.length - 1], TextNode.valueOf(value));
  }

  /** Deep-merges {@code overlay} into {@code base}: objects merge, anything else replaces. */
  static void merge(ObjectNode base, JsonNode overlay) {
    for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = base.get(e.getKey());
      if (existing instanceof ObjectNode object && e.getValue().isObject()) {
        merge(object, e.getValue());
      } else {
        base.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  /**
   * Turns {@code "a, b"} into {@code ["a","b"]} where the record expects a collection or array, so
   * lists can come from env vars and the command line.
   */
  static void splitLists(ObjectNode node, Class<?> recordType) {
    if (!recordType.isRecord()) {
      return;
    }
    for (RecordComponent rc : recordType.getRecordComponents()) {
      JsonNode value = node.get(rc.getName());
      Class<?> type = rc.getType();
      if (value == null) {
        continue;
      }
      if (value.isTextual() && (Collection.class.isAssignableFrom(type) || type.isArray())) {
        node.set(rc.getName(), split(value.asText()));
      } else if (value instanceof ObjectNode object && type.isRecord()) {
        splitLists(object, type);
      } else if (value instanceof ArrayNode array && elementType(rc.getGenericType()) instanceof Class<?> c
          && c.isRecord()) {
        array.forEach(element -> {
          if (element instanceof ObjectNode object) {
            splitLists(object, c);
          }
        });
      }
    }
  }

  private static ArrayNode split(String text) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        array.add(part.strip());
      }
    }
    return array;
  }

  private static Type elementType(Type type) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      return p.getActualTypeArguments()[0];
    }
    return type instanceof Class<?> c && c.isArray() ? c.getComponentType() : null;
  }
}
