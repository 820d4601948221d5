package io.auditline.logpush.format;

import java.util.Arrays;
import java.util.Optional;

/** The file format a job writes: one JSON object per line, or CSV with a header row. */
public enum OutputFormat {
  NDJSON("ndjson", "application/x-ndjson", ".ndjson"),
  CSV("csv", "text/csv", ".csv");

  private final String wire;
  private final String contentType;
  private final String extension;

  OutputFormat(String wire, String contentType, String extension) {
    this.wire = wire;
    this.contentType = contentType;
    this.extension = extension;
  }

  public String wire() {
    return wire;
  }

  public String contentType() {
    return contentType;
  }

  /** The file extension before any compression suffix, e.g. {@code .ndjson}. */
  public String extension() {
    return extension;
  }

  public static Optional<OutputFormat> fromWire(String wire) {
    return Arrays.stream(values()).filter(f -> f.wire.equals(wire)).findFirst();
  }

  static String wireNames() {
    return String.join(", ", Arrays.stream(values()).map(OutputFormat::wire).toList());
  }
}
