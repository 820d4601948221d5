package io.auditline.logpush.delivery;

import io.auditline.logpush.format.WireEvent;
import io.auditline.proto.v1.AuditEvent;
import java.io.IOException;

/** How a job turns events into object bodies: its filter, sampling, fields, format and codec. */
interface JobFormat {

  /** True when the job's filter keeps the event. */
  boolean accepts(AuditEvent event);

  /**
   * True when records may be rendered from their wire bytes ({@link Session#add(WireEvent)}) without
   * parsing them: NDJSON and no filter, which would need the parsed event.
   */
  default boolean readsWire() {
    return false;
  }

  /** Starts a new object body. */
  Session open() throws IOException;

  /**
   * True when bodies encoded separately may be concatenated into one valid body (NDJSON in gzip
   * members, zstd frames or plain; not CSV, whose header row comes once).
   */
  default boolean concatenable() {
    return false;
  }

  /** One object body being written. */
  interface Session {

    /** Adds an event; false when sampling left it out. */
    boolean add(AuditEvent event) throws IOException;

    /** Adds an event read from its wire bytes, as {@link #add(AuditEvent)} adds it parsed; false when sampling left it out. */
    boolean add(WireEvent event) throws IOException;

    /** Events written so far. */
    int records();

    /** Uncompressed bytes written so far (for the size limit). */
    long rawBytes();

    /** Ends the body. */
    Encoded finish() throws IOException;
  }

  /**
   * A finished object body.
   *
   * @param extension the file-name suffix, for example {@code .ndjson.gz}
   */
  record Encoded(byte[] body, int records, long rawBytes, String contentType, String contentEncoding, String extension) {}
}
