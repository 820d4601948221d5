package io.auditline.ingest.validate;

import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A conservative, allocation-free pre-check of the contract's rules: {@code true} only for events
 * that protovalidate certainly accepts, {@code false} for anything else (including valid but unusual
 * values such as IPv6 addresses or percent-encoded URIs), which then go through protovalidate for
 * the authoritative answer and its precise violations.
 *
 * <p>Why: protovalidate evaluates the {@code pattern} rules with RE2J, which costs ~20 µs per event
 * and was the largest share of ingest CPU (docs/benchmarks.md). Protovalidate stays the authority:
 * this class may only say "valid" where it would. {@code FastPathTest} checks that property on
 * generated events, and a snapshot of the contract's rules fails the build when the rules change
 * without this class being reviewed.
 */
final class FastPath {

  /** Margin kept from the occurred_at bounds so clock reads a few ms apart never disagree. */
  private static final Duration MARGIN = Duration.ofMinutes(1);
  private static final Duration MAX_AGE = Duration.ofHours(720).minus(MARGIN);
  private static final Duration MAX_AHEAD = Duration.ofHours(1).minus(MARGIN);
  private static final Set<String> METHODS = Set.of("", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  private FastPath() {}

  static boolean certainlyValid(AuditEvent e, Instant now) {
    if (e.getSchemaVersion() != 1
        || !uuid(e.getId())
        || !identifier(e.getAccountId(), 1, 64)
        || !e.hasActor()
        || !e.hasAction()
        || !e.hasResource()
        || !charsIn(e.getZoneId(), 0, 64, ID_CHARS)
        || !metadata(e.getMetadataMap())) {
      return false;
    }
    return actor(e.getActor()) && action(e.getAction(), now) && resource(e.getResource()) && request(e);
  }

  private static boolean actor(Actor a) {
    int type = a.getTypeValue();
    if (type < 1 || type > 4 || (type == 2 && a.getTokenId().isEmpty())) {
      return false;
    }
    return nonEmptyAtMost(a.getId(), 256)
        && (a.getEmail().isEmpty() || (a.getEmail().length() <= 254 && email(a.getEmail())))
        && (a.getIp().isEmpty() || ipv4(a.getIp()))
        && a.getUserAgent().length() <= 1024
        && charsIn(a.getTokenId(), 0, 128, ID_CHARS)
        && a.getTokenName().length() <= 256;
  }

  private static boolean action(Action a, Instant now) {
    int result = a.getResultValue();
    if (result < 1 || result > 2 || !a.hasOccurredAt() || a.getDescription().length() > 2048) {
      return false;
    }
    long seconds = a.getOccurredAt().getSeconds();
    int nanos = a.getOccurredAt().getNanos();
    if (nanos < 0 || nanos > 999_999_999) {
      return false;
    }
    long nowSeconds = now.getEpochSecond();
    if (seconds < nowSeconds - MAX_AGE.toSeconds() || seconds > nowSeconds + MAX_AHEAD.toSeconds()) {
      return false;
    }
    return actionType(a.getType());
  }

  private static boolean resource(Resource r) {
    return resourceType(r.getType())
        && nonEmptyAtMost(r.getId(), 256)
        && r.getProduct().length() <= 128
        && r.getScope().length() <= 256;
  }

  private static boolean request(AuditEvent e) {
    if (!e.hasRequest()) {
      return true;
    }
    RequestContext r = e.getRequest();
    int status = r.getStatusCode();
    return r.getRequestId().length() <= 128
        && METHODS.contains(r.getMethod())
        && (status == 0 || (status >= 100 && status <= 599))
        && (r.getUri().isEmpty() || (r.getUri().length() <= 2048 && simpleUri(r.getUri())));
  }

  private static boolean metadata(Map<String, String> metadata) {
    if (metadata.size() > 32) {
      return false;
    }
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = entry.getKey();
      if (key.isEmpty() || key.length() > 64 || !letter(key.charAt(0)) || !charsIn(key, 1, 64, KEY_CHARS)
          || entry.getValue().length() > 1024) {
        return false;
      }
    }
    return true;
  }

  // Character classes as bit masks over ASCII; anything non-ASCII falls back to protovalidate.
  private static final boolean[] ID_CHARS = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");
  private static final boolean[] KEY_CHARS = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-");
  private static final boolean[] LOWER_WORD = chars("abcdefghijklmnopqrstuvwxyz0123456789_");
  private static final boolean[] RESOURCE_CHARS = chars("abcdefghijklmnopqrstuvwxyz0123456789_.");
  private static final boolean[] EMAIL_LOCAL = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+-");
  private static final boolean[] HOST_CHARS = chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");
  // RFC 3986 pchar without '%' (pct-encoding falls back), plus '/', '?' for query and fragment.
  private static final boolean[] URI_CHARS =
      chars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?");

  private static boolean[] chars(String allowed) {
    boolean[] table = new boolean[128];
    for (char c : allowed.toCharArray()) {
      table[c] = true;
    }
    return table;
  }

  private static boolean in(char c, boolean[] table) {
    return c < 128 && table[c];
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean charsIn(String s, int from, int maxLength, boolean[] table) {
    if (s.length() > maxLength) {
      return false;
    }
    for (int i = from; i < s.length(); i++) {
      if (!in(s.charAt(i), table)) {
        return false;
      }
    }
    return true;
  }

  private static boolean nonEmptyAtMost(String s, int max) {
    return !s.isEmpty() && s.length() <= max;
  }

  /** {@code ^[A-Za-z0-9][A-Za-z0-9_-]*$} with a length range. */
  private static boolean identifier(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return false;
    }
    char first = s.charAt(0);
    return (letter(first) || (first >= '0' && first <= '9')) && charsIn(s, 1, max, ID_CHARS);
  }

  /** 8-4-4-4-12 hexadecimal digits. */
  private static boolean uuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }

  /** {@code ^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$}, 3 to 128 characters. */
  private static boolean actionType(String s) {
    if (s.length() < 3 || s.length() > 128) {
      return false;
    }
    int segments = 0;
    int start = 0;
    while (start <= s.length()) {
      int end = s.indexOf('.', start);
      if (end < 0) {
        end = s.length();
      }
      if (end == start || !(s.charAt(start) >= 'a' && s.charAt(start) <= 'z')) {
        return false;
      }
      for (int i = start + 1; i < end; i++) {
        if (!in(s.charAt(i), LOWER_WORD)) {
          return false;
        }
      }
      segments++;
      start = end + 1;
    }
    return segments >= 2;
  }

  /** {@code ^[a-z][a-z0-9_.]*$}, 1 to 128 characters. */
  private static boolean resourceType(String s) {
    return !s.isEmpty() && s.length() <= 128 && s.charAt(0) >= 'a' && s.charAt(0) <= 'z' && charsIn(s, 1, 128, RESOURCE_CHARS);
  }

  /** A plain subset of addresses: dot-free-edged ASCII local part, two or more host labels. */
  private static boolean email(String s) {
    int at = s.indexOf('@');
    if (at < 1 || at > 64 || at != s.lastIndexOf('@')) {
      return false;
    }
    char previous = '.';
    for (int i = 0; i < at; i++) {
      char c = s.charAt(i);
      if (c == '.') {
        if (previous == '.') {
          return false;
        }
      } else if (!in(c, EMAIL_LOCAL)) {
        return false;
      }
      previous = c;
    }
    return previous != '.' && hostname(s, at + 1, true) && alphabeticTld(s);
  }

  /** Hostname rules reject an all-numeric last label; keep to alphabetic ones. */
  private static boolean alphabeticTld(String s) {
    int dot = s.lastIndexOf('.');
    if (s.length() - dot - 1 < 2) {
      return false;
    }
    for (int i = dot + 1; i < s.length(); i++) {
      if (!letter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean hostname(String s, int from, boolean needsDot) {
    int labels = 0;
    int start = from;
    while (start <= s.length()) {
      int end = s.indexOf('.', start);
      if (end < 0) {
        end = s.length();
      }
      int length = end - start;
      if (length < 1 || length > 63 || s.charAt(start) == '-' || s.charAt(end - 1) == '-') {
        return false;
      }
      for (int i = start; i < end; i++) {
        if (!in(s.charAt(i), HOST_CHARS)) {
          return false;
        }
      }
      labels++;
      start = end + 1;
    }
    return !needsDot || labels >= 2;
  }

  /** Dotted-quad IPv4 without leading zeros; everything else (IPv6 included) falls back. */
  private static boolean ipv4(String s) {
    int parts = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i == s.length() ? '.' : s.charAt(i);
      if (c == '.') {
        if (digits == 0 || value > 255 || parts == 4) {
          return false;
        }
        parts++;
        value = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return false; // leading zero
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        if (++digits > 3) {
          return false;
        }
      } else {
        return false;
      }
    }
    return parts == 4;
  }

  /**
   * {@code [http[s]://host[:port]]path[?query][#fragment]} over RFC 3986 pchar without
   * percent-encoding: a strict subset of URI references.
   */
  private static boolean simpleUri(String s) {
    int pathStart = 0;
    if (s.startsWith("http://") || s.startsWith("https://")) {
      int hostStart = s.indexOf("//") + 2;
      int hostEnd = hostStart;
      while (hostEnd < s.length() && s.charAt(hostEnd) != '/' && s.charAt(hostEnd) != ':'
          && s.charAt(hostEnd) != '?' && s.charAt(hostEnd) != '#') {
        hostEnd++;
      }
      if (hostEnd == hostStart || !hostname(s.substring(0, hostEnd), hostStart, false)) {
        return false;
      }
      pathStart = hostEnd;
      if (pathStart < s.length() && s.charAt(pathStart) == ':') {
        int portEnd = pathStart + 1;
        while (portEnd < s.length() && s.charAt(portEnd) >= '0' && s.charAt(portEnd) <= '9') {
          portEnd++;
        }
        if (portEnd == pathStart + 1 || portEnd - pathStart - 1 > 5) {
          return false;
        }
        pathStart = portEnd;
      }
      if (pathStart < s.length() && s.charAt(pathStart) != '/' && s.charAt(pathStart) != '?' && s.charAt(pathStart) != '#') {
        return false;
      }
    } else if (!s.startsWith("/") || s.startsWith("//")) {
      return false; // relative references other than absolute paths fall back
    }
    boolean fragment = false;
    for (int i = pathStart; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '#') {
        if (fragment) {
          return false;
        }
        fragment = true;
      } else if (!in(c, URI_CHARS)) {
        return false;
      }
    }
    return true;
  }
}
