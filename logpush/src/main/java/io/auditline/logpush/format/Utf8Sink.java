package io.auditline.logpush.format;

import java.io.IOException;
import java.io.OutputStream;

/** A buffer that encodes text as UTF-8 and CSV cells with RFC 4180 quoting, and says how much it holds. */
final class Utf8Sink {

  private final OutputStream out;
  private final byte[] buf = new byte[32 * 1024];
  private int pos;

  Utf8Sink(OutputStream out) {
    this.out = out;
  }

  /** A cell, quoted only when it holds a comma, quote, CR or LF, exactly as EventCsv quotes. */
  void cell(String s) throws IOException {
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    if (!quote) {
      text(s);
      return;
    }
    ascii('"');
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '"') {
        ascii('"');
      }
      i = put(s, i);
    }
    ascii('"');
  }

  void text(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      i = put(s, i);
    }
  }

  void ascii(char c) throws IOException {
    if (pos == buf.length) {
      flush();
    }
    buf[pos++] = (byte) c;
  }

  int buffered() {
    return pos;
  }

  void flush() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }

  /** Encodes the char at {@code i} (with its low surrogate) and returns the index of the last char used. */
  private int put(String s, int i) throws IOException {
    if (pos > buf.length - 4) {
      flush();
    }
    char c = s.charAt(i);
    if (c < 0x80) {
      buf[pos++] = (byte) c;
    } else if (c < 0x800) {
      buf[pos++] = (byte) (0xC0 | c >> 6);
      buf[pos++] = (byte) (0x80 | c & 0x3F);
    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      buf[pos++] = (byte) (0xF0 | cp >> 18);
      buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
      buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
      buf[pos++] = (byte) (0x80 | cp & 0x3F);
      return i + 1;
    } else if (Character.isSurrogate(c)) {
      // What a UTF-8 Writer substitutes for an unpaired surrogate.
      buf[pos++] = '?';
    } else {
      buf[pos++] = (byte) (0xE0 | c >> 12);
      buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
      buf[pos++] = (byte) (0x80 | c & 0x3F);
    }
    return i;
  }
}
