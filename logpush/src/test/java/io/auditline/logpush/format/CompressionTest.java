package io.auditline.logpush.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.testing.TestEvents;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompressionTest {

  private static final List<AuditEvent> EVENTS = IntStream.range(0, 500).mapToObj(i -> TestEvents.event().build()).toList();

  @ParameterizedTest
  @CsvSource({
      "NDJSON, GZIP, application/x-ndjson, gzip, .ndjson.gz",
      "NDJSON, ZSTD, application/x-ndjson, zstd, .ndjson.zst",
      "NDJSON, NONE, application/x-ndjson, '', .ndjson",
      "CSV, GZIP, text/csv, gzip, .csv.gz",
      "CSV, ZSTD, text/csv, zstd, .csv.zst",
      "CSV, NONE, text/csv, '', .csv"})
  void everyCompressionDecodesWithItsStandardReaderAndIsLabelled(OutputFormat format, Compression compression,
      String contentType, String contentEncoding, String extension) {
    EncodedBatch batch = Bodies.encode(Bodies.options(format, compression), EVENTS);
    assertThat(batch.contentType()).isEqualTo(contentType);
    assertThat(batch.contentEncoding()).isEqualTo(contentEncoding);
    assertThat(batch.fileExtension()).isEqualTo(extension);
    assertThat(batch.records()).isEqualTo(EVENTS.size());
    byte[] raw = Bodies.decode(batch);
    assertThat(batch.rawBytes()).isEqualTo(raw.length);
    assertThat(batch.compressedBytes()).isEqualTo(batch.body().length);
    if (compression == Compression.NONE) {
      assertThat(batch.body()).isEqualTo(raw);
    } else {
      assertThat(batch.compressedBytes()).isLessThan(batch.rawBytes() / 3);
    }
    if (format == OutputFormat.NDJSON) {
      assertThat(new String(raw, StandardCharsets.UTF_8)).startsWith(EventJson.toJson(EVENTS.get(0)) + "\n");
    }
  }

  @Test
  void gzipBodiesAreOneStandardMember() {
    byte[] body = Bodies.encode(Bodies.options(OutputFormat.NDJSON, Compression.GZIP), EVENTS).body();
    // Magic bytes, deflate, no flags: what gzip -d and every other reader expect.
    assertThat(body).startsWith((byte) 0x1f, (byte) 0x8b, (byte) 8, (byte) 0);
  }

  @Test
  void higherGzipLevelsStillDecodeAndCompressAtLeastAsWell() {
    var fast = Bodies.encode(gzip(OptionalInt.empty()), EVENTS);
    var best = Bodies.encode(gzip(OptionalInt.of(9)), EVENTS);
    assertThat(Bodies.decode(best)).isEqualTo(Bodies.decode(fast));
    assertThat(best.compressedBytes()).isLessThanOrEqualTo(fast.compressedBytes());
  }

  private static OutputOptions gzip(OptionalInt level) {
    return new OutputOptions(List.of(), OutputFormat.NDJSON, TimestampFormat.RFC3339, 1.0, Compression.GZIP, level);
  }
}
