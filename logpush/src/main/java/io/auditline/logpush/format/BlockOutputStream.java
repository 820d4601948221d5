package io.auditline.logpush.format;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory body kept in blocks, so that it is copied once, by {@link #toByteArray()}, rather than
 * each time a single array would have to grow. Not thread-safe.
 */
final class BlockOutputStream extends OutputStream {

  private static final int FIRST_BLOCK = 64 * 1024;
  private static final int MAX_BLOCK = 1024 * 1024;

  private final List<byte[]> full = new ArrayList<>();
  private byte[] block = new byte[FIRST_BLOCK];
  private int pos;
  private long size;

  @Override
  public void write(int b) {
    if (pos == block.length) {
      next();
    }
    block[pos++] = (byte) b;
    size++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    size += len;
    while (len > 0) {
      if (pos == block.length) {
        next();
      }
      int n = Math.min(len, block.length - pos);
      System.arraycopy(b, off, block, pos, n);
      pos += n;
      off += n;
      len -= n;
    }
  }

  byte[] toByteArray() {
    byte[] out = new byte[Math.toIntExact(size)];
    int at = 0;
    for (byte[] b : full) {
      System.arraycopy(b, 0, out, at, b.length);
      at += b.length;
    }
    System.arraycopy(block, 0, out, at, pos);
    return out;
  }

  private void next() {
    full.add(block);
    block = new byte[Math.min(MAX_BLOCK, block.length * 2)];
    pos = 0;
  }
}
