package io.auditline.logpush.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.job.OptionsCheck;
import io.auditline.store.query.InvalidParam;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the fields of a JSON request body, collecting one precise error per bad field, named by its JSON path. */
final class BodyFields {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private final ObjectNode body;
  private final List<InvalidParam> errors = new ArrayList<>();

  BodyFields(ObjectNode body) {
    this.body = body;
  }

  /** Rejects every key that is neither {@code allowed} nor {@code readOnly} (those get their own reason). */
  void onlyKeys(Set<String> allowed, Set<String> readOnly) {
    body.fieldNames().forEachRemaining(name -> {
      if (readOnly.contains(name)) {
        error(name, "read-only field (expected: not sent)");
      } else if (!allowed.contains(name)) {
        error(name, "unknown field (expected one of: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
    });
  }

  boolean has(String name) {
    return body.has(name);
  }

  /** The field's value as sent; null stays a {@code NullNode}. */
  Optional<JsonNode> node(String name) {
    return Optional.ofNullable(body.get(name));
  }

  Optional<String> text(String name, int maxLength) {
    JsonNode node = body.get(name);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      return fail(name, "expected a string, got " + type(node));
    }
    String value = node.textValue().strip();
    if (value.isEmpty()) {
      return fail(name, "must not be empty");
    }
    if (value.length() > maxLength) {
      return fail(name, "has %d characters (expected: at most %d)".formatted(value.length(), maxLength));
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      return fail(name, "must not contain control characters");
    }
    return Optional.of(value);
  }

  Optional<Boolean> bool(String name) {
    JsonNode node = body.get(name);
    if (node == null) {
      return Optional.empty();
    }
    return node.isBoolean() ? Optional.of(node.booleanValue()) : fail(name, "expected true or false, got " + type(node));
  }

  Optional<Long> integer(String name, long min, long max) {
    JsonNode node = body.get(name);
    if (node == null) {
      return Optional.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      return fail(name, "expected an integer, got " + type(node));
    }
    long value = node.longValue();
    if (value < min || value > max) {
      return fail(name, "%d is out of range (expected: %d .. %d)".formatted(value, min, max));
    }
    return Optional.of(value);
  }

  /** An integer of seconds, or a string such as {@code "500ms"}, {@code "30s"}, {@code "5m"}, {@code "1h"}. */
  Optional<Duration> duration(String name, Duration min, Duration max) {
    JsonNode node = body.get(name);
    if (node == null) {
      return Optional.empty();
    }
    Duration value;
    if (node.isIntegralNumber() && node.canConvertToLong() && Math.abs(node.longValue()) < 1_000_000_000L) {
      value = Duration.ofSeconds(node.longValue());
    } else if (node.isTextual() && DURATION.matcher(node.textValue()).matches()) {
      Matcher m = DURATION.matcher(node.textValue());
      m.matches();
      long amount = Long.parseLong(m.group(1));
      value = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    } else {
      return fail(name, "expected seconds as an integer or a duration such as \"30s\", \"5m\", \"1h\", \"500ms\"; got "
          + (node.isTextual() ? "\"" + node.textValue() + "\"" : type(node)));
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      return fail(name, "%s is out of range (expected: %s .. %s)".formatted(Json.duration(value), Json.duration(min),
          Json.duration(max)));
    }
    return Optional.of(value);
  }

  /** Runs a validator on the field, prefixing its path-relative errors with the field's name. */
  Optional<ObjectNode> checked(String name, JsonNode node, Function<JsonNode, OptionsCheck> check) {
    return switch (check.apply(node)) {
      case OptionsCheck.Valid valid -> Optional.of(valid.normalised());
      case OptionsCheck.Invalid invalid -> {
        invalid.errors().forEach(e -> {
          int colon = e.indexOf(": ");
          String path = colon < 0 ? "" : e.substring(0, colon);
          String reason = colon < 0 ? e : e.substring(colon + 2);
          error(path.isEmpty() ? name : path.startsWith("[") ? name + path : name + "." + path, reason);
        });
        yield Optional.empty();
      }
    };
  }

  <T> Optional<T> fail(String name, String reason) {
    error(name, reason);
    return Optional.empty();
  }

  void error(String name, String reason) {
    errors.add(new InvalidParam(name, reason));
  }

  List<InvalidParam> errors() {
    return errors;
  }

  static String type(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
