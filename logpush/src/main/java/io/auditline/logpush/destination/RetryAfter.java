package io.auditline.logpush.destination;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: delay seconds or an HTTP date. */
public final class RetryAfter {

  private static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  /** The delay asked for, capped at one hour; empty when absent or unreadable. */
  public static Optional<Duration> parse(Optional<String> header, Instant now) {
    return header.map(String::strip).flatMap(value -> parse(value, now)).map(d -> d.compareTo(MAX) > 0 ? MAX : d);
  }

  private static Optional<Duration> parse(String value, Instant now) {
    if (value.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
