package io.auditline.logpush.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a job writes and how: selected fields, file format, timestamp format, sampling and compression.
 *
 * @param fields dotted names of the event's JSON shape ({@link FieldNames#SELECTABLE}); empty means all
 * @param sampleRate the fraction of events kept, decided per event id (see {@link Sampler}); 0 < rate <= 1
 * @param gzipLevel deflate level 1..9, only with gzip; absent means {@link #DEFAULT_GZIP_LEVEL}
 */
public record OutputOptions(List<String> fields, OutputFormat format, TimestampFormat timestampFormat,
    double sampleRate, Compression compression, OptionalInt gzipLevel) {

  /**
   * Level 1 rather than zlib's 6: on audit events it deflates about twice as fast for files roughly 15-20%
   * larger (ratio about 5.5 instead of 6.4), and deflate, not JSON, bounds the encoder's throughput.
   */
  public static final int DEFAULT_GZIP_LEVEL = 1;
  /** More names than this is a mistake, not a selection: the shape has fewer than 40 plus 32 metadata keys. */
  public static final int MAX_FIELDS = 100;

  public OutputOptions {
    fields = List.copyOf(fields);
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(timestampFormat, "timestampFormat");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(gzipLevel, "gzipLevel");
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException("fields: %d names (expected: at most %d)".formatted(fields.size(), MAX_FIELDS));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i);
      String problem = fieldProblem(name, seen).orElse(null);
      if (problem != null) {
        throw new IllegalArgumentException("fields[%d]: %s %s".formatted(i, Describe.text(name), problem));
      }
    }
    new Sampler(sampleRate);
    if (gzipLevel.isPresent() && (gzipLevel.getAsInt() < 1 || gzipLevel.getAsInt() > 9)) {
      throw new IllegalArgumentException("gzip_level: %d (expected: 1..9)".formatted(gzipLevel.getAsInt()));
    }
    if (gzipLevel.isPresent() && compression != Compression.GZIP) {
      throw new IllegalArgumentException("gzip_level: %d (expected: only with compression gzip, not %s)"
          .formatted(gzipLevel.getAsInt(), compression.wire()));
    }
  }

  /** Every field as NDJSON, RFC 3339, no sampling, gzip at level 1. */
  public static OutputOptions defaults() {
    return new OutputOptions(List.of(), OutputFormat.NDJSON, TimestampFormat.RFC3339, 1.0, Compression.GZIP,
        OptionalInt.empty());
  }

  /** Parses the REST API's {@code output_options} object; null or missing means {@link #defaults()}. */
  public static OptionsParse parse(JsonNode node) {
    return OptionsParser.parse(node);
  }

  /** The {@code output_options} object; {@link #parse} of it gives these options back. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    var names = json.putArray("fields");
    fields.forEach(names::add);
    json.put("format", format.wire());
    json.put("timestamp_format", timestampFormat.wire());
    json.put("sample_rate", sampleRate);
    json.put("compression", compression.wire());
    gzipLevel.ifPresent(level -> json.put("gzip_level", level));
    return json;
  }

  /** The deflate level gzip uses. */
  public int effectiveGzipLevel() {
    return gzipLevel.orElse(DEFAULT_GZIP_LEVEL);
  }

  /** Why the name cannot be selected (unknown, or repeated per {@code seen}), in "(expected: ...)" form. */
  static Optional<String> fieldProblem(String name, Set<String> seen) {
    var problem = FieldNames.selectableProblem(name);
    if (problem.isEmpty() && !seen.add(name)) {
      return Optional.of("(expected: each field once)");
    }
    return problem;
  }
}
