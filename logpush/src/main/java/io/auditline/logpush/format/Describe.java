package io.auditline.logpush.format;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders a JSON value for an error message: strings in single quotes, everything shortened. */
public final class Describe {

  private static final int MAX = 64;

  private Describe() {}

  public static String value(JsonNode node) {
    // Long inputs are cut so that one bad value cannot make an error response arbitrarily large.
    return node.isTextual() ? "'" + cut(node.textValue()) + "'" : cut(node.toString());
  }

  public static String text(String s) {
    return "'" + cut(s) + "'";
  }

  /** An object key for a JSON path, shortened but not quoted. */
  public static String key(String s) {
    return cut(s);
  }

  private static String cut(String s) {
    return s.length() <= MAX ? s : s.substring(0, MAX) + "...";
  }
}
