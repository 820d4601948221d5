package io.auditline.logpush.format;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** Opens the compressing stream for a batch body; closing it finishes the gzip member or zstd frame. */
final class Compressors {

  /** zstd's own default: about gzip -6's ratio at several times gzip -1's speed. */
  static final int ZSTD_LEVEL = 3;
  private static final int BUFFER = 64 * 1024;

  private Compressors() {}

  static OutputStream open(Compression compression, int gzipLevel, OutputStream out) throws IOException {
    return switch (compression) {
      case GZIP -> new LevelGzip(out, gzipLevel);
      case ZSTD -> new ZstdOutputStream(out, ZSTD_LEVEL);
      case NONE -> out;
    };
  }

  /** A standard .gz stream (GZIPInputStream and gzip -d read it) at a chosen deflate level. */
  private static final class LevelGzip extends GZIPOutputStream {

    LevelGzip(OutputStream out, int level) throws IOException {
      super(out, BUFFER);
      // The header is written but nothing deflated yet, so the level applies to the whole body.
      def.setLevel(level);
    }
  }
}
