package io.auditline.logpush.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Parses filter JSON text in tests. */
final class Filters {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Filters() {}

  static Filter valid(String json) {
    return switch (Filter.parse(read(json))) {
      case FilterParse.Valid v -> v.filter();
      case FilterParse.Invalid i -> throw new AssertionError(i.errors());
    };
  }

  /** A filter whose where is one condition. */
  static Filter where(String key, String operator, String valueJson) {
    return valid("{\"where\": {\"key\": \"%s\", \"operator\": \"%s\", \"value\": %s}}".formatted(key, operator, valueJson));
  }

  static List<String> errors(String json) {
    return switch (Filter.parse(read(json))) {
      case FilterParse.Valid v -> throw new AssertionError("accepted: " + v.filter());
      case FilterParse.Invalid i -> i.errors();
    };
  }

  static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
