package io.auditline.platform.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and formats durations written the way operators write them: {@code 30s}, {@code 250ms}. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)");
  private static final String EXPECTED =
      "expected: a duration like 30s, 250ms, 5m, 2h, 1d or ISO-8601 like PT30S";

  private Durations() {}

  /**
   * Parses {@code <digits><unit>} with unit ns, us, ms, s, m, h or d, or an ISO-8601 duration.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    String trimmed = text.strip();
    Matcher m = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      try {
        return Duration.of(Long.parseLong(m.group(1)), unit(m.group(2)));
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalArgumentException("'%s' is out of range (%s)".formatted(text, EXPECTED));
      }
    }
    if (trimmed.length() > 1 && (trimmed.charAt(0) == 'P' || trimmed.charAt(0) == 'p')) {
      try {
        return Duration.parse(trimmed);
      } catch (DateTimeParseException e) {
        // fall through to the common message
      }
    }
    throw new IllegalArgumentException("'%s' (%s)".formatted(text, EXPECTED));
  }

  /** Formats in the largest short unit that is exact, so {@code parse(format(d))} equals d. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return duration.toString();
    }
    if (duration.isZero()) {
      return "0s";
    }
    for (ChronoUnit unit : new ChronoUnit[] {ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
        ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS}) {
      Duration one = unit.getDuration();
      if (isMultiple(duration, one)) {
        try {
          return duration.dividedBy(one) + suffix(unit);
        } catch (ArithmeticException tooManyUnits) {
          break; // a smaller unit would overflow too
        }
      }
    }
    return duration.toString();
  }

  private static boolean isMultiple(Duration duration, Duration unit) {
    if (unit.getSeconds() == 0) {
      return duration.getNano() % unit.getNano() == 0;
    }
    return duration.getNano() == 0 && duration.getSeconds() % unit.getSeconds() == 0;
  }

  private static ChronoUnit unit(String suffix) {
    return switch (suffix) {
      case "ns" -> ChronoUnit.NANOS;
      case "us" -> ChronoUnit.MICROS;
      case "ms" -> ChronoUnit.MILLIS;
      case "s" -> ChronoUnit.SECONDS;
      case "m" -> ChronoUnit.MINUTES;
      case "h" -> ChronoUnit.HOURS;
      case "d" -> ChronoUnit.DAYS;
      default -> throw new IllegalArgumentException(suffix);
    };
  }

  private static String suffix(ChronoUnit unit) {
    return switch (unit) {
      case DAYS -> "d";
      case HOURS -> "h";
      case MINUTES -> "m";
      case SECONDS -> "s";
      case MILLIS -> "ms";
      case MICROS -> "us";
      default -> "ns";
    };
  }
}
