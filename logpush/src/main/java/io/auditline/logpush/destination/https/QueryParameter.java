package io.auditline.logpush.destination.https;

/**
 * One {@code name=value} pair of the destination URI's query.
 *
 * @param rawName the name as written in the URI, still percent-encoded
 * @param rawValue the value as written, still percent-encoded; null when there was no {@code =}
 * @param value the decoded value (empty when there was no {@code =})
 * @param header the header name when the parameter is {@code header_<Name>}, else null
 */
record QueryParameter(String rawName, String rawValue, String value, String header) {

  boolean isHeader() {
    return header != null;
  }

  /** The parameter as written, or with its value replaced by {@code REDACTED}. */
  String render(boolean redact) {
    if (rawValue == null) {
      return rawName;
    }
    return rawName + "=" + (redact && !rawValue.isEmpty() ? "REDACTED" : rawValue);
  }
}
