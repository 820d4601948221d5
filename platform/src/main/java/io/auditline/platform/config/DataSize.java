package io.auditline.platform.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes, written in config as {@code 4MiB}, {@code 512KiB}, {@code 100MB} or plain
 * bytes; binary units (KiB, MiB, GiB, TiB) are powers of 1024, decimal ones (KB, MB, GB, TB) of
 * 1000.
 */
public record DataSize(long bytes) implements Comparable<DataSize> {

  private static final Pattern FORM = Pattern.compile("(\\d+)\\s*([a-z]*)");
  private static final String[] BINARY = {"TiB", "GiB", "MiB", "KiB"};
  private static final String[] DECIMAL = {"TB", "GB", "MB", "KB"};
  private static final String EXPECTED =
      "expected: bytes or a size like 512KiB, 4MiB, 1GiB, 100MB";

  public DataSize {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes: %d (expected: >= 0)".formatted(bytes));
    }
  }

  public static DataSize ofBytes(long bytes) {
    return new DataSize(bytes);
  }

  public static DataSize ofKibibytes(long kib) {
    return new DataSize(Math.multiplyExact(kib, 1024L));
  }

  public static DataSize ofMebibytes(long mib) {
    return new DataSize(Math.multiplyExact(mib, 1024L * 1024));
  }

  public static DataSize ofGibibytes(long gib) {
    return new DataSize(Math.multiplyExact(gib, 1024L * 1024 * 1024));
  }

  /**
   * Parses {@code <digits>[unit]}; units are case-insensitive, a missing unit or {@code B} means
   * bytes.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static DataSize parse(String text) {
    Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("'%s' (%s)".formatted(text, EXPECTED));
    }
    long multiplier = switch (m.group(2)) {
      case "", "b" -> 1L;
      case "kib", "ki", "k" -> 1L << 10;
      case "mib", "mi" -> 1L << 20;
      case "gib", "gi" -> 1L << 30;
      case "tib", "ti" -> 1L << 40;
      case "kb" -> 1_000L;
      case "mb" -> 1_000_000L;
      case "gb" -> 1_000_000_000L;
      case "tb" -> 1_000_000_000_000L;
      default -> throw new IllegalArgumentException(
          "'%s': unknown unit '%s' (%s)".formatted(text, m.group(2), EXPECTED));
    };
    try {
      return new DataSize(Math.multiplyExact(Long.parseLong(m.group(1)), multiplier));
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("'%s' is out of range (%s)".formatted(text, EXPECTED));
    }
  }

  public long toBytes() {
    return bytes;
  }

  @Override
  public int compareTo(DataSize other) {
    return Long.compare(bytes, other.bytes);
  }

  /** The largest unit that is exact, binary first ({@code 4MiB}, {@code 100MB}, {@code 1500B}). */
  @Override
  public String toString() {
    if (bytes == 0) {
      return "0B";
    }
    for (int i = 0; i < BINARY.length; i++) {
      long unit = 1L << (10 * (BINARY.length - i));
      if (bytes % unit == 0) {
        return bytes / unit + BINARY[i];
      }
    }
    for (int i = 0; i < DECIMAL.length; i++) {
      long unit = (long) Math.pow(1000, DECIMAL.length - i);
      if (bytes % unit == 0) {
        return bytes / unit + DECIMAL[i];
      }
    }
    return bytes + "B";
  }
}
