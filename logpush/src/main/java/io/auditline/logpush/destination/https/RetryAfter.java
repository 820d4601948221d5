package io.auditline.logpush.destination.https;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delta-seconds or an HTTP-date (RFC 9110 section 10.2.3). */
final class RetryAfter {

  // RFC 9110 section 5.6.7: recipients accept IMF-fixdate and the two obsolete forms.
  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.RFC_1123_DATE_TIME,
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEEE, dd-MMM-")
          .appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm:ss 'GMT'")
          .toFormatter(Locale.US).withZone(ZoneOffset.UTC),
      new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("EEE MMM ppd HH:mm:ss yyyy")
          .toFormatter(Locale.US).withZone(ZoneOffset.UTC));

  private RetryAfter() {}

  /** How long to wait from {@code now}; empty when the value is neither form; a past date is zero. */
  static Optional<Duration> parse(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.matches("\\d{1,12}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    for (DateTimeFormatter format : DATES) {
      try {
        Instant at = ZonedDateTime.parse(v, format).toInstant();
        return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }
}
