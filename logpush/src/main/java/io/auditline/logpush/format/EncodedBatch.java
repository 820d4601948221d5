package io.auditline.logpush.format;

import java.util.Objects;

/**
 * A finished file body with what the delivery engine needs to upload and account for it. {@code body}
 * is not copied, so callers must not change it, and equality compares it by identity.
 *
 * @param rawBytes uncompressed size of the body
 * @param compressedBytes size of {@code body}; equal to {@code rawBytes} without compression
 * @param contentEncoding {@code gzip}, {@code zstd}, or empty when uncompressed
 * @param fileExtension e.g. {@code .ndjson.gz}, {@code .csv.zst}, {@code .ndjson}
 */
public record EncodedBatch(byte[] body, int records, long rawBytes, long compressedBytes, String contentType,
    String contentEncoding, String fileExtension) {

  public EncodedBatch {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(contentEncoding, "contentEncoding");
    Objects.requireNonNull(fileExtension, "fileExtension");
    if (records < 0 || rawBytes < 0 || compressedBytes != body.length) {
      throw new IllegalArgumentException("records: %d, raw: %d, compressed: %d, body: %d (expected: counts >= 0, compressed = body length)"
          .formatted(records, rawBytes, compressedBytes, body.length));
    }
  }
}
