package io.auditline.store.index;

import java.util.HexFormat;

/**
 * Encodes rows in PostgreSQL's COPY text format: tab-separated columns, one row per line, {@code \N}
 * for NULL, backslash escapes for backslash, tab, newline and carriage return, bytea as {@code \\x}
 * hex.
 */
final class CopyText {

  private static final HexFormat HEX = HexFormat.of();

  private final StringBuilder out;
  private boolean rowStarted;

  CopyText(int expectedChars) {
    this.out = new StringBuilder(expectedChars);
  }

  CopyText text(String value) {
    separate();
    if (value == null) {
      out.append("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return this;
  }

  CopyText number(long value) {
    separate();
    out.append(value);
    return this;
  }

  CopyText bytes(byte[] value) {
    separate();
    // bytea's hex input is "\x..."; the backslash itself must be escaped in COPY text.
    out.append("\\\\x");
    HEX.formatHex(out, value);
    return this;
  }

  CopyText endRow() {
    out.append('\n');
    rowStarted = false;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (rowStarted) {
      out.append('\t');
    }
    rowStarted = true;
  }
}
