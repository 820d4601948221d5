package io.auditline.logpush.format;

import com.github.luben.zstd.ZstdInputStream;
import io.auditline.proto.v1.AuditEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Encodes with the code under test and decodes with the standard readers of each compression. */
final class Bodies {

  private Bodies() {}

  static EncodedBatch encode(OutputOptions options, List<AuditEvent> events) {
    try (EncodingSession session = BatchEncoder.create(options).open()) {
      events.forEach(session::add);
      return session.finish();
    }
  }

  static byte[] decode(EncodedBatch batch) {
    try (InputStream in = switch (batch.contentEncoding()) {
      case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(batch.body()));
      case "zstd" -> new ZstdInputStream(new ByteArrayInputStream(batch.body()));
      case "" -> new ByteArrayInputStream(batch.body());
      default -> throw new IllegalArgumentException(batch.contentEncoding());
    }) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(EncodedBatch batch) {
    return new String(decode(batch), StandardCharsets.UTF_8);
  }

  static OutputOptions options(OutputFormat format, Compression compression) {
    return new OutputOptions(List.of(), format, TimestampFormat.RFC3339, 1.0, compression, java.util.OptionalInt.empty());
  }

  static OutputOptions ndjson(List<String> fields, TimestampFormat timestamps) {
    return new OutputOptions(fields, OutputFormat.NDJSON, timestamps, 1.0, Compression.NONE, java.util.OptionalInt.empty());
  }

  static OutputOptions csv(List<String> fields, TimestampFormat timestamps) {
    return new OutputOptions(fields, OutputFormat.CSV, timestamps, 1.0, Compression.NONE, java.util.OptionalInt.empty());
  }
}
