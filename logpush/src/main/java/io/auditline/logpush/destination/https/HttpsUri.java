package io.auditline.logpush.destination.https;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Parses {@code https://host[:port]/path?query} with {@code header_<Name>=<value>} parameters. */
final class HttpsUri {

  static final String HEADER_PREFIX = "header_";

  /** Thrown inside the parser only; its message names the problem without quoting secrets. */
  static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  private HttpsUri() {}

  static HttpsSpec parse(URI uri) throws Problem {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http")) {
      throw new Problem("https destination: plain http:// is not accepted (expected: https://)");
    }
    if (!scheme.equals("https")) {
      throw new Problem("https destination: scheme '%s' (expected: https)".formatted(scheme));
    }
    if (uri.isOpaque()) {
      throw new Problem("https destination is not hierarchical (expected: https://host[:port]/path)");
    }
    String authority = uri.getRawAuthority();
    if (authority != null && authority.contains("@")) {
      // Never quote it: the part before '@' is a password.
      throw new Problem("https destination has credentials before '@' in the host "
          + "(expected: none; send them as a header, for example header_Authorization=Bearer%20...)");
    }
    if (authority == null || authority.isEmpty()) {
      throw new Problem("https destination has no host (expected: https://host[:port]/path)");
    }
    if (uri.getHost() == null) {
      throw new Problem("https destination host '%s' is not a valid host name or IP literal (expected: https://host[:port]/path)"
          .formatted(authority));
    }
    int port = uri.getPort() == -1 ? 443 : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new Problem("https destination port: %d (expected: 1..65535)".formatted(port));
    }
    if (uri.getRawFragment() != null) {
      throw new Problem("https destination has a fragment after '#' (expected: none; fragments are never sent)");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return new HttpsSpec(uri.getHost(), uri.getPort(), port, path, parameters(uri.getRawQuery()));
  }

  private static List<QueryParameter> parameters(String rawQuery) throws Problem {
    List<QueryParameter> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    String[] pairs = rawQuery.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? null : pair.substring(eq + 1);
      String name = decode(rawName, i + 1);
      if (name.isEmpty()) {
        throw new Problem("query parameter %d has no name (expected: name=value)".formatted(i + 1));
      }
      String value = rawValue == null ? "" : decode(rawValue, i + 1);
      if (!name.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())) {
        out.add(new QueryParameter(rawName, rawValue, value, null));
        continue;
      }
      String header = name.substring(HEADER_PREFIX.length());
      Optional<String> problem = HeaderRules.nameProblem(header).or(() -> HeaderRules.valueProblem(header, value));
      if (problem.isPresent()) {
        throw new Problem(problem.get());
      }
      if (!seen.add(header.toLowerCase(Locale.ROOT))) {
        throw new Problem("header_%s is given twice (expected: each header once)".formatted(header));
      }
      out.add(new QueryParameter(rawName, rawValue, value, header));
    }
    return out;
  }

  /**
   * Strict percent-decoding as UTF-8. A '+' stays a '+': tokens in base64 contain it, and reading
   * it as a space (HTML form encoding) would corrupt them.
   */
  static String decode(String raw, int index) throws Problem {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
      int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw new Problem("query parameter %d has a malformed percent-escape (expected: %%XX with two hex digits)"
            .formatted(index));
      }
      bytes.write(hi * 16 + lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new Problem("query parameter %d is not UTF-8 after percent-decoding".formatted(index));
    }
  }
}
