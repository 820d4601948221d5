package io.auditline.logpush.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 3339 timestamps: a formatter that writes exactly what {@link Instant#toString()} writes into a
 * reusable buffer (the encoder's hot path must not build a String per event), and a strict parser.
 */
public final class Rfc3339 {

  private static final Pattern SYNTAX = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
  /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the four-digit years that Instant.toString writes plainly. */
  private static final long MIN_SECOND = -62_135_596_800L;
  private static final long MAX_SECOND = 253_402_300_799L;

  private Rfc3339() {}

  /** An RFC 3339 timestamp with an offset such as {@code 2025-01-31T12:00:00.5+01:00}, or empty. */
  public static Optional<Instant> parse(String text) {
    if (!SYNTAX.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  static boolean validNanos(int nanos) {
    return nanos >= 0 && nanos <= 999_999_999;
  }

  /**
   * Writes {@code Instant.ofEpochSecond(seconds, nanos).toString()} into {@code out} (at least 30 chars)
   * and returns its length, or -1 outside years 1..9999 or for unnormalised nanos, where callers fall back.
   */
  static int format(long seconds, int nanos, char[] out) {
    if (seconds < MIN_SECOND || seconds > MAX_SECOND || !validNanos(nanos)) {
      return -1;
    }
    long days = Math.floorDiv(seconds, 86_400L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    // Civil date from days since the epoch (H. Hinnant's algorithm), without allocating a LocalDate.
    long z = days + 719_468L;
    long era = Math.floorDiv(z, 146_097L);
    long dayOfEra = z - era * 146_097L;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
    digits(out, 0, year, 4);
    out[4] = '-';
    digits(out, 5, month, 2);
    out[7] = '-';
    digits(out, 8, day, 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    int at = 19;
    if (nanos != 0) {
      // Instant.toString prints the fraction in groups of three digits: millis, micros or nanos.
      out[at++] = '.';
      if (nanos % 1_000_000 == 0) {
        digits(out, at, nanos / 1_000_000, 3);
        at += 3;
      } else if (nanos % 1000 == 0) {
        digits(out, at, nanos / 1000, 6);
        at += 6;
      } else {
        digits(out, at, nanos, 9);
        at += 9;
      }
    }
    out[at++] = 'Z';
    return at;
  }

  private static void digits(char[] out, int from, int value, int width) {
    for (int i = from + width - 1; i >= from; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
