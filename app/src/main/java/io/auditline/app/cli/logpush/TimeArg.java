package io.auditline.app.cli.logpush;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time on the command line: an RFC 3339 time ({@code 2026-05-01T00:00:00Z}), {@code
 * now}, or a duration before now ({@code 90s}, {@code 15m}, {@code 1h}, {@code 7d}).
 */
final class TimeArg {

  private static final Pattern AGO = Pattern.compile("(\\d{1,9})(s|m|h|d)");

  private TimeArg() {}

  static Instant parse(String option, String text, Instant now) {
    String t = text.strip();
    if (t.equals("now")) {
      return now;
    }
    Matcher ago = AGO.matcher(t);
    if (ago.matches()) {
      long n = Long.parseLong(ago.group(1));
      Duration d = switch (ago.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
      return now.minus(d);
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException("%s: '%s' (expected: an RFC 3339 time such as 2026-05-01T00:00:00Z, now, or a duration"
          .formatted(option, text) + " before now such as 15m, 1h or 7d)");
    }
  }
}
