package io.auditline.logpush.destination;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of a destination URI, each named at most once and percent-decoded once.
 *
 * <p>A {@code +} stays a plus instead of becoming a space: AWS secret keys and Azure account keys
 * contain {@code +}, and people paste them without encoding. Problems are thrown as {@link
 * IllegalArgumentException}s whose messages name the parameter but never quote its value, because
 * values are often secrets.
 */
public record UriQuery(Map<String, String> values) {

  public UriQuery {
    values = Map.copyOf(values);
  }

  /**
   * Parses {@code rawQuery} (null or empty for none), rejecting unknown, repeated, empty and
   * malformed parameters.
   *
   * @param known the accepted names, in the order an error message lists them
   */
  public static UriQuery parse(String rawQuery, List<String> known) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new UriQuery(values);
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue; // "a=1&&b=2" and a trailing '&' are harmless
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), "a parameter name");
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "unknown query parameter '%s' (expected: %s)".formatted(shorten(name), String.join(", ", known)));
      }
      if (eq < 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException("%s: empty (expected: %s=<value>)".formatted(name, name));
      }
      if (values.containsKey(name)) {
        throw new IllegalArgumentException("%s: given more than once (expected: once)".formatted(name));
      }
      values.put(name, decode(pair.substring(eq + 1), name));
    }
    return new UriQuery(values);
  }

  /** The decoded value of {@code name}, if given. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  private static String decode(String raw, String what) {
    try {
      return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // The decoder's own message quotes the input, which may be a secret.
      throw new IllegalArgumentException(
          "%s: malformed percent-encoding (expected: %%XX with two hex digits)".formatted(what));
    }
  }

  /**
   * The values of {@code names} in {@code rawQuery} as given and decoded, found leniently so that
   * an invalid URI's message can still be scrubbed of them.
   */
  public static List<String> rawValues(String rawQuery, List<String> names) {
    List<String> found = new java.util.ArrayList<>();
    if (rawQuery == null) {
      return found;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && names.contains(pair.substring(0, eq))) {
        String raw = pair.substring(eq + 1);
        found.add(raw);
        try {
          found.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          // the raw value is scrubbed all the same
        }
      }
    }
    return found;
  }

  /** {@code 'name'} when it looks like a name, else a placeholder: what fails as a name may be a secret. */
  public static String quoteName(String name) {
    return name.matches("[A-Za-z0-9._-]{1,80}") ? "'" + name + "'" : "<not shown>";
  }

  // Names are not secrets, but a pasted secret without '=' would be taken for a name.
  private static String shorten(String name) {
    return name.length() <= 24 ? name : name.substring(0, 8) + "...";
  }
}
