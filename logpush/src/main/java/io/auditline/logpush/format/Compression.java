package io.auditline.logpush.format;

import java.util.Arrays;
import java.util.Optional;

/** How a batch body is compressed; gzip is the default because every consumer can read it. */
public enum Compression {
  GZIP("gzip", "gzip", ".gz"),
  ZSTD("zstd", "zstd", ".zst"),
  NONE("none", "", "");

  private final String wire;
  private final String contentEncoding;
  private final String suffix;

  Compression(String wire, String contentEncoding, String suffix) {
    this.wire = wire;
    this.contentEncoding = contentEncoding;
    this.suffix = suffix;
  }

  public String wire() {
    return wire;
  }

  /** The HTTP Content-Encoding of the body; empty when it is not compressed. */
  public String contentEncoding() {
    return contentEncoding;
  }

  /** The suffix appended to the format's extension, e.g. {@code .gz}; empty for none. */
  public String suffix() {
    return suffix;
  }

  public static Optional<Compression> fromWire(String wire) {
    return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
  }

  static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(Compression::wire).toList());
  }
}
