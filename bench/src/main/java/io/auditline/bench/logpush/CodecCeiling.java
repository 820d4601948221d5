package io.auditline.bench.logpush;

import io.auditline.logpush.format.BatchEncoder;
import io.auditline.logpush.format.Compression;
import io.auditline.logpush.format.EncodingSession;
import io.auditline.logpush.format.OutputFormat;
import io.auditline.logpush.format.OutputOptions;
import io.auditline.logpush.format.TimestampFormat;
import io.auditline.logpush.format.WireEvent;
import io.auditline.proto.v1.AuditEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.zip.GZIPOutputStream;

/**
 * Baseline B, the physical ceiling of one delivery thread: the events' NDJSON (rendered by Logpush's
 * own encoder without compression, so the bytes are the ones Logpush compresses) gzipped at level 1
 * (Logpush's default codec and level: {@code GZIPOutputStream}, i.e. Deflater plus CRC-32) in a tight
 * loop on one thread, written in 8,000-byte pieces. Nothing else: no Kafka, no protobuf parsing, no
 * upload. It also times the step before: rendering the same events' wire bytes as NDJSON, uncompressed,
 * as the delivery does ({@link WireEvent}, parsing only what it declines).
 */
final class CodecCeiling {

  /**
   * @param events events per pass (one object's worth)
   * @param ndjsonBytes their NDJSON size
   * @param gzipBytes their gzipped size
   */
  record Result(int events, long ndjsonBytes, long gzipBytes, double gzipEventsPerSecond, double gzipMegabytesPerSecond,
      double renderEventsPerSecond, int passes) {
    double ratio() {
      return (double) ndjsonBytes / gzipBytes;
    }
  }

  private static final int JACKSON_BUFFER = 8000;
  private static final int GZIP_BUFFER = 64 * 1024;

  Result run(List<AuditEvent> events, Duration duration) throws IOException {
    byte[][] encoded = events.stream().map(AuditEvent::toByteArray).toArray(byte[][]::new);
    BatchEncoder plain = BatchEncoder.create(new OutputOptions(List.of(), OutputFormat.NDJSON, TimestampFormat.RFC3339, 1.0,
        Compression.NONE, OptionalInt.empty()));
    byte[] ndjson = render(plain, encoded); // also the warm-up
    int renders = 0;
    long renderStart = System.nanoTime();
    do {
      render(plain, encoded);
      renders++;
    } while (System.nanoTime() - renderStart < duration.toNanos() / 2);
    double renderRate = renders * (double) encoded.length * 1e9 / (System.nanoTime() - renderStart);

    Counting sink = new Counting();
    gzip(ndjson, sink); // warm-up
    long gzipBytes = sink.count;
    int passes = 0;
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    do {
      gzip(ndjson, sink);
      passes++;
    } while (System.nanoTime() < deadline);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Result(encoded.length, ndjson.length, gzipBytes, passes * (double) encoded.length / seconds,
        passes * (double) ndjson.length / seconds / 1e6, renderRate, passes);
  }

  private static byte[] render(BatchEncoder encoder, byte[][] events) throws IOException {
    EncodingSession session = encoder.open();
    WireEvent wire = new WireEvent();
    for (byte[] event : events) {
      if (wire.read(event)) {
        session.add(wire);
      } else {
        session.add(AuditEvent.parseFrom(event));
      }
    }
    return session.finish().body();
  }

  private static void gzip(byte[] ndjson, Counting sink) throws IOException {
    sink.count = 0;
    try (GZIPOutputStream gzip = new Level1Gzip(sink)) {
      for (int off = 0; off < ndjson.length; off += JACKSON_BUFFER) {
        gzip.write(ndjson, off, Math.min(JACKSON_BUFFER, ndjson.length - off));
      }
    }
  }

  /** What Logpush's compressor does: a gzip stream whose deflater is set to level 1 before any input. */
  private static final class Level1Gzip extends GZIPOutputStream {
    Level1Gzip(OutputStream out) throws IOException {
      super(out, GZIP_BUFFER);
      def.setLevel(1);
    }
  }

  /** Discards the compressed output, counting it. */
  private static final class Counting extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
