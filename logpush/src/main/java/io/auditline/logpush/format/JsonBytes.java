package io.auditline.logpush.format;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A byte buffer in front of the uncompressed stream that JSON is written into as UTF-8 bytes,
 * escaping strings exactly as Jackson's UTF-8 generator does (quote, backslash and control
 * characters; everything else, including non-ASCII, passes through). Large, so that the compressor
 * is called with big pieces.
 */
final class JsonBytes {

  static final int CAPACITY = 64 * 1024;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  /** Per byte below 0x80: 0 to copy, a letter for a two-character escape, -1 for a {@code \\u00XX} escape. */
  private static final byte[] ESCAPES = new byte[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = -1;
    }
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\f'] = 'f';
    ESCAPES['\n'] = 'n';
    ESCAPES['\r'] = 'r';
  }

  /** Eight bytes at a time, for the runs of text that need no escape. */
  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private final OutputStream out;
  private final byte[] buf = new byte[CAPACITY];
  private int pos;

  JsonBytes(OutputStream out) {
    this.out = out;
  }

  /** Bytes that need no escaping, such as pre-encoded member names; at most {@link #CAPACITY}. */
  void raw(byte[] bytes) throws IOException {
    room(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
  }

  void raw(char ascii) throws IOException {
    room(1);
    buf[pos++] = (byte) ascii;
  }

  /** ASCII chars such as a formatted timestamp. */
  void raw(char[] ascii, int length) throws IOException {
    room(length);
    for (int i = 0; i < length; i++) {
      buf[pos++] = (byte) ascii[i];
    }
  }

  /** A quoted JSON string from valid UTF-8 bytes. */
  void string(byte[] utf8, int from, int length) throws IOException {
    raw('"');
    int end = from + length;
    int i = from;
    while (i < end) {
      // Runs that need no escape are copied whole; an escape takes at most 6 bytes.
      int run = i;
      while (run + 8 <= end && plain((long) LONGS.get(utf8, run))) {
        run += 8;
      }
      while (run < end && needsNoEscape(utf8[run])) {
        run++;
      }
      if (run > i) {
        copy(utf8, i, run - i);
        i = run;
      }
      if (i < end) {
        escape(utf8[i++]);
      }
    }
    raw('"');
  }

  /** A quoted JSON string from Java text (rare paths only: it encodes through a temporary array). */
  void string(String text) throws IOException {
    byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    string(utf8, 0, utf8.length);
  }

  void number(long value) throws IOException {
    if (value == Long.MIN_VALUE) {
      raw(Long.toString(value).toCharArray(), 20);
      return;
    }
    room(20);
    if (value < 0) {
      buf[pos++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = pos + digits - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    pos += digits;
  }

  int buffered() {
    return pos;
  }

  /** Passes the buffered bytes to the stream (without flushing the stream itself). */
  void flush() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }

  /**
   * True when none of eight bytes is a control character, quote or backslash (bytes of multi-byte
   * characters never match). May answer false for a word that is plain; then bytes are checked singly.
   */
  private static boolean plain(long x) {
    long control = (x - 0x20 * ONES) & ~x;
    long quote = x ^ ('"' * ONES);
    long backslash = x ^ ('\\' * ONES);
    return ((control | (quote - ONES) & ~quote | (backslash - ONES) & ~backslash) & HIGHS) == 0;
  }

  private static boolean needsNoEscape(byte b) {
    return b < 0 || ESCAPES[b] == 0;
  }

  private void escape(byte b) throws IOException {
    room(6);
    buf[pos++] = '\\';
    byte e = ESCAPES[b];
    if (e > 0) {
      buf[pos++] = e;
    } else {
      buf[pos++] = 'u';
      buf[pos++] = '0';
      buf[pos++] = '0';
      buf[pos++] = HEX[b >> 4];
      buf[pos++] = HEX[b & 0xF];
    }
  }

  private void copy(byte[] src, int from, int length) throws IOException {
    while (length > 0) {
      if (pos == buf.length) {
        flush();
      }
      int n = Math.min(length, buf.length - pos);
      System.arraycopy(src, from, buf, pos, n);
      pos += n;
      from += n;
      length -= n;
    }
  }

  private void room(int bytes) throws IOException {
    if (pos > buf.length - bytes) {
      flush();
    }
  }
}
