package io.auditline.platform.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Binds a config record from, in increasing precedence: the record's defaults, an optional YAML
 * file, {@code AUDITLINE_*} environment variables and explicit {@code dotted.path=value} overrides.
 *
 * <p>An env var maps to a path by dropping the prefix, splitting segments on {@code __} and turning
 * each UPPER_SNAKE segment into camelCase: {@code AUDITLINE_INGEST__MAX_EVENTS_PER_REQUEST=5} sets
 * {@code ingest.maxEventsPerRequest}. Values from env and overrides are strings and are coerced to
 * numbers, booleans, durations, sizes and comma-separated lists. Unknown keys are errors, so a typo
 * never silently leaves a default in place; the few env vars in {@link #RESERVED_ENV} are read
 * elsewhere and ignored here.
 */
public final class ConfigLoader {

  /** Env vars with the prefix that are not config keys (read by logging and the launcher). */
  public static final Set<String> RESERVED_ENV =
      Set.of("AUDITLINE_LOG_FORMAT", "AUDITLINE_LOG_LEVEL", "AUDITLINE_CONFIG");

  private final Map<String, String> env;
  private final ObjectMapper yaml;

  public ConfigLoader(Map<String, String> env) {
    this.env = new TreeMap<>(env); // sorted, so deeper paths apply after their parents predictably
    this.yaml = new ObjectMapper(new YAMLFactory())
        .registerModule(new JavaTimeModule())
        .registerModule(new ConfigModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
  }

  /** A loader reading the process environment. */
  public static ConfigLoader fromEnvironment() {
    return new ConfigLoader(System.getenv());
  }

  /** Loads {@code type} without defaults: missing keys are null (or 0/false for primitives). */
  public <T extends Record> T load(Class<T> type, Optional<Path> file, Map<String, String> overrides) {
    return bind(type, yaml.createObjectNode(), file, overrides);
  }

  /** Loads {@code type}, starting from {@code defaults} and layering file, env and overrides. */
  public <T extends Record> T load(
      Class<T> type, T defaults, Optional<Path> file, Map<String, String> overrides) {
    JsonNode tree = yaml.valueToTree(Objects.requireNonNull(defaults, "defaults"));
    return bind(type, (ObjectNode) tree, file, overrides);
  }

  private <T extends Record> T bind(
      Class<T> type, ObjectNode root, Optional<Path> file, Map<String, String> overrides) {
    String source = file.map(Path::toString).orElse("config");
    file.ifPresent(path -> ConfigTree.merge(root, readFile(path)));
    Map<String, String> origins = new LinkedHashMap<>();
    env.forEach((name, value) -> {
      if (!RESERVED_ENV.contains(name)) {
        ConfigTree.envNameToPath(name).ifPresent(path -> {
          ConfigTree.set(root, path, value, "env " + name);
          origins.put(path, "env " + name);
        });
      }
    });
    overrides.forEach((path, value) -> {
      ConfigTree.set(root, path, value, "override " + path);
      origins.put(path, "override " + path + "=" + value);
    });
    ConfigTree.splitLists(root, type);
    try {
      return yaml.treeToValue(root, type);
    } catch (JsonProcessingException e) {
      throw translate(source, origins, e);
    }
  }

  private JsonNode readFile(Path path) {
    try {
      JsonNode tree = yaml.readTree(Files.readString(path));
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return yaml.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new ConfigException("%s: top level is a %s (expected: a mapping of keys)"
            .formatted(path, tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new ConfigException("%s: invalid YAML: %s".formatted(path, e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new ConfigException("%s: cannot read (%s)".formatted(path, e), e);
    }
  }

  private static ConfigException translate(
      String source, Map<String, String> origins, JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping)) {
      return new ConfigException("%s: %s".formatted(source, e.getOriginalMessage()), e);
    }
    String path = path(mapping);
    String from = origins.containsKey(path) ? " (from " + origins.get(path) + ")" : "";
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds()
          .stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new)).toString();
      return new ConfigException("%s: unknown key '%s'%s (known: %s)".formatted(
          source, path, from, known.isEmpty() ? "none" : known.substring(1, known.length() - 1)), e);
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return new ConfigException("%s: '%s': %s".formatted(
          source, path.isEmpty() ? "<root>" : path, e.getCause().getMessage()), e);
    }
    return new ConfigException("%s: invalid value at '%s'%s: %s".formatted(
        source, path.isEmpty() ? "<root>" : path, from, e.getOriginalMessage()), e);
  }

  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }
}
