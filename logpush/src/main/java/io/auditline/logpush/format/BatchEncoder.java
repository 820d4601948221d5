package io.auditline.logpush.format;

import java.util.List;
import java.util.Objects;

/**
 * Encodes batches of events as a job's output options say: fields, format, timestamps, sampling and
 * compression are compiled once here; each batch is an {@link EncodingSession}. Thread-safe.
 */
public final class BatchEncoder {

  private final OutputOptions options;
  private final Sampler sampler;
  private final List<JsonPart> jsonParts;
  private final List<CsvColumn> csvColumns;

  private BatchEncoder(OutputOptions options) {
    this.options = options;
    this.sampler = new Sampler(options.sampleRate());
    this.jsonParts = FieldSelection.jsonParts(options.fields());
    this.csvColumns = FieldSelection.csvColumns(options.fields());
  }

  public static BatchEncoder create(OutputOptions options) {
    return new BatchEncoder(Objects.requireNonNull(options, "options"));
  }

  /** Starts a batch. */
  public EncodingSession open() {
    return new EncodingSession(this);
  }

  public OutputOptions options() {
    return options;
  }

  public Sampler sampler() {
    return sampler;
  }

  /** {@code application/x-ndjson} or {@code text/csv}. */
  public String contentType() {
    return options.format().contentType();
  }

  /** {@code gzip}, {@code zstd}, or empty when uncompressed. */
  public String contentEncoding() {
    return options.compression().contentEncoding();
  }

  /** e.g. {@code .ndjson.gz}. */
  public String fileExtension() {
    return options.format().extension() + options.compression().suffix();
  }

  /** The CSV header names, in column order. */
  public List<String> csvHeader() {
    return csvColumns.stream().map(CsvColumn::header).toList();
  }

  List<JsonPart> jsonParts() {
    return jsonParts;
  }

  List<CsvColumn> csvColumns() {
    return csvColumns;
  }
}
