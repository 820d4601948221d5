package io.auditline.logpush.format;

import io.auditline.proto.v1.AuditEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * One batch being encoded: add events one at a time, watch {@link #sizeEstimate()}, then {@link #finish()}.
 * Not thread-safe. Close a session that is abandoned before finishing to free its compressor at once.
 */
public final class EncodingSession implements AutoCloseable {

  private final BatchEncoder encoder;
  private final BlockOutputStream body = new BlockOutputStream();
  private final CountingOutputStream raw;
  private final OutputStream compressor;
  private final RecordSink sink;
  private int records;
  private boolean open = true;

  EncodingSession(BatchEncoder encoder) {
    this.encoder = encoder;
    OutputOptions options = encoder.options();
    try {
      this.compressor = Compressors.open(options.compression(), options.effectiveGzipLevel(), body);
      this.raw = new CountingOutputStream(compressor);
      this.sink = switch (options.format()) {
        case NDJSON -> new RecordSink.Ndjson(raw, new JsonEventWriter(encoder.jsonParts(), options.timestampFormat()),
            new WireJsonWriter(encoder.jsonParts(), options.timestampFormat()));
        case CSV -> new RecordSink.Csv(raw, new CsvEventWriter(encoder.csvColumns(), options.timestampFormat()));
      };
    } catch (IOException e) {
      throw new UncheckedIOException("opening the compressor failed", e);
    }
  }

  /** Writes the event unless sampling skips it; returns whether it was written. */
  public boolean add(AuditEvent event) {
    requireOpen();
    if (!encoder.sampler().keeps(event.getId())) {
      return false;
    }
    try {
      sink.write(event);
    } catch (IOException e) {
      // A half-written record cannot be taken back, so the session is over.
      close();
      throw new UncheckedIOException("encoding event " + event.getId() + " failed", e);
    }
    records++;
    return true;
  }

  /**
   * Writes an event read from its wire bytes unless sampling skips it; returns whether it was written.
   * The output is what {@link #add(AuditEvent)} writes for the parsed event.
   */
  public boolean add(WireEvent event) {
    requireOpen();
    if (encoder.sampler().rate() < 1 && !encoder.sampler().keeps(event.id())) {
      return false;
    }
    try {
      sink.write(event);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("encoding event " + event.id() + " failed", e);
    }
    records++;
    return true;
  }

  /** Uncompressed bytes written so far, including what is still buffered: flush when it passes the job's limit. */
  public long sizeEstimate() {
    return raw.count() + sink.buffered();
  }

  /** Events written so far. */
  public int records() {
    return records;
  }

  /** Completes the body (gzip trailer or zstd frame end); the session accepts nothing afterwards. */
  public EncodedBatch finish() {
    requireOpen();
    open = false;
    try {
      sink.close();
      compressor.close();
    } catch (IOException e) {
      throw new UncheckedIOException("finishing the batch failed", e);
    }
    byte[] bytes = body.toByteArray();
    return new EncodedBatch(bytes, records, raw.count(), bytes.length, encoder.contentType(),
        encoder.contentEncoding(), encoder.fileExtension());
  }

  /** Frees the compressor of a session that will not be finished; does nothing after finish. */
  @Override
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    try {
      sink.close();
    } catch (IOException | RuntimeException e) {
      // Abandoned output: only the compressor's native memory matters now.
    }
    try {
      compressor.close();
    } catch (IOException e) {
      // Same: nothing of this body will be used.
    }
  }

  private void requireOpen() {
    if (!open) {
      throw new IllegalStateException("the session is finished or closed");
    }
  }
}
