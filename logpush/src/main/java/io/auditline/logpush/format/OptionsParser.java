package io.auditline.logpush.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/** Reads {@code output_options} JSON, reporting every problem with its path rather than stopping at the first. */
final class OptionsParser {

  private static final String ROOT = "output_options";
  private static final List<String> KEYS =
      List.of("fields", "format", "timestamp_format", "sample_rate", "compression", "gzip_level");

  private OptionsParser() {}

  static OptionsParse parse(JsonNode node) {
    if (absent(node)) {
      return new OptionsParse.Valid(OutputOptions.defaults());
    }
    if (!node.isObject()) {
      return new OptionsParse.Invalid(List.of("%s: %s (expected: an object)".formatted(ROOT, Describe.value(node))));
    }
    List<String> errors = new ArrayList<>();
    node.fieldNames().forEachRemaining(key -> {
      if (!KEYS.contains(key)) {
        errors.add("%s.%s: unknown option (expected: one of %s)".formatted(ROOT, Describe.key(key), String.join(", ", KEYS)));
      }
    });
    List<String> fields = fields(node.get("fields"), errors);
    OutputFormat format = word(node, "format", OutputFormat::fromWire, OutputFormat.wireNames(), errors)
        .orElse(OutputFormat.NDJSON);
    TimestampFormat timestamps = word(node, "timestamp_format", TimestampFormat::fromWire,
        TimestampFormat.wireNames(), errors).orElse(TimestampFormat.RFC3339);
    double rate = sampleRate(node.get("sample_rate"), errors);
    Optional<Compression> compression = word(node, "compression", Compression::fromWire, Compression.wireNames(), errors);
    OptionalInt gzipLevel = gzipLevel(node.get("gzip_level"), compression, errors);
    if (!errors.isEmpty()) {
      return new OptionsParse.Invalid(errors);
    }
    return new OptionsParse.Valid(new OutputOptions(fields, format, timestamps, rate,
        compression.orElse(Compression.GZIP), gzipLevel));
  }

  private static boolean absent(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  private static List<String> fields(JsonNode node, List<String> errors) {
    if (absent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      errors.add("%s.fields: %s (expected: an array of field names)".formatted(ROOT, Describe.value(node)));
      return List.of();
    }
    if (node.size() > OutputOptions.MAX_FIELDS) {
      errors.add("%s.fields: %d names (expected: at most %d)".formatted(ROOT, node.size(), OutputOptions.MAX_FIELDS));
      return List.of();
    }
    List<String> fields = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      if (!element.isTextual()) {
        errors.add("%s.fields[%d]: %s (expected: a field name)".formatted(ROOT, i, Describe.value(element)));
        continue;
      }
      int index = i;
      OutputOptions.fieldProblem(element.textValue(), seen).ifPresentOrElse(
          problem -> errors.add("%s.fields[%d]: %s %s".formatted(ROOT, index, Describe.value(element), problem)),
          () -> fields.add(element.textValue()));
    }
    return fields;
  }

  /** An enum by its wire name; empty when absent or wrong (the error is recorded). */
  private static <T> Optional<T> word(JsonNode parent, String key, Function<String, Optional<T>> lookup, String names,
      List<String> errors) {
    JsonNode node = parent.get(key);
    if (absent(node)) {
      return Optional.empty();
    }
    Optional<T> value = node.isTextual() ? lookup.apply(node.textValue()) : Optional.empty();
    if (value.isEmpty()) {
      errors.add("%s.%s: %s (expected: one of %s)".formatted(ROOT, key, Describe.value(node), names));
    }
    return value;
  }

  private static double sampleRate(JsonNode node, List<String> errors) {
    if (absent(node)) {
      return 1.0;
    }
    if (!node.isNumber()) {
      errors.add("%s.sample_rate: %s (expected: a number with 0 < rate <= 1)".formatted(ROOT, Describe.value(node)));
      return 1.0;
    }
    double rate = node.doubleValue();
    if (!(rate > 0 && rate <= 1)) {
      errors.add("%s.sample_rate: %s (expected: 0 < rate <= 1)".formatted(ROOT, Describe.value(node)));
    }
    return rate;
  }

  private static OptionalInt gzipLevel(JsonNode node, Optional<Compression> compression, List<String> errors) {
    if (absent(node)) {
      return OptionalInt.empty();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1 || node.intValue() > 9) {
      errors.add("%s.gzip_level: %s (expected: an integer 1..9)".formatted(ROOT, Describe.value(node)));
      return OptionalInt.empty();
    }
    Compression chosen = compression.orElse(Compression.GZIP);
    if (chosen != Compression.GZIP) {
      errors.add("%s.gzip_level: %s (expected: only with compression gzip, not %s)"
          .formatted(ROOT, Describe.value(node), chosen.wire()));
    }
    return OptionalInt.of(node.intValue());
  }
}
