package io.auditline.store.query;

import java.util.Arrays;
import java.util.Optional;

/** How an export is encoded: one JSON object per line, or RFC 4180 CSV with a header row. */
public enum ExportFormat {
  NDJSON("ndjson", "application/x-ndjson"),
  CSV("csv", "text/csv; charset=utf-8");

  private final String wireName;
  private final String contentType;

  ExportFormat(String wireName, String contentType) {
    this.wireName = wireName;
    this.contentType = contentType;
  }

  public String wireName() {
    return wireName;
  }

  public String contentType() {
    return contentType;
  }

  public static Optional<ExportFormat> fromWireName(String name) {
    return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
  }
}
