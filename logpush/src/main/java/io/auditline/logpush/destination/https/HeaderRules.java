package io.auditline.logpush.destination.https;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Which custom headers a destination URI may set, and which values are safe to send. */
final class HeaderRules {

  // RFC 9110 section 7.6.1: they describe one connection, and proxies strip or act on them.
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
      "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

  // Set by the client or by Auditline for every upload; a second value would make the request ambiguous.
  private static final Set<String> OWN = Set.of("host", "content-length", "content-encoding", "content-type",
      "expect", "idempotency-key", "x-auditline-object-key");

  private static final String TCHAR = "!#$%&'*+-.^_`|~";

  private HeaderRules() {}

  /** Why {@code name} cannot be a custom header, if it cannot. */
  static Optional<String> nameProblem(String name) {
    if (name.isEmpty()) {
      return Optional.of("query parameter 'header_' names no header (expected: header_<Name>=<value>)");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c < 128 && (Character.isLetterOrDigit(c) || TCHAR.indexOf(c) >= 0))) {
        return Optional.of("header name '%s' is not an HTTP token (expected: letters, digits and !#$%%&'*+-.^_`|~)"
            .formatted(printable(name)));
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (HOP_BY_HOP.contains(lower)) {
      return Optional.of("header_%s: %s is a hop-by-hop header (expected: an end-to-end header such as Authorization)"
          .formatted(name, name));
    }
    if (OWN.contains(lower)) {
      return Optional.of("header_%s: Auditline sets %s itself on every upload (expected: another header)"
          .formatted(name, name));
    }
    return Optional.empty();
  }

  /** Why {@code value} cannot be sent as the value of {@code name}; never quotes the value. */
  static Optional<String> valueProblem(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        // A CR or LF would let the value start a header or a request of its own.
        return Optional.of("value of header_%s contains a control character (expected: visible ASCII, spaces and tabs)"
            .formatted(name));
      }
      if (c > 0x7e) {
        return Optional.of("value of header_%s contains a non-ASCII character (expected: visible ASCII, spaces and tabs)"
            .formatted(name));
      }
    }
    return Optional.empty();
  }

  private static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : "\\u%04x".formatted(c)));
    return out.toString();
  }
}
