package io.auditline.logpush.delivery;

import com.google.protobuf.InvalidProtocolBufferException;
import io.auditline.logpush.format.WireEvent;
import io.auditline.proto.v1.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch's raw records into one object body, parsing, filtering, rendering and compressing
 * chunks of records on a shared pool in parallel, off the thread that reads Kafka. The chunks'
 * bodies are concatenated in order: gzip members, zstd frames and NDJSON lines all concatenate into
 * one valid body. Formats that do not (CSV and its single header row) are encoded on one thread.
 */
final class ParallelEncoder {

  private static final Logger log = LoggerFactory.getLogger(ParallelEncoder.class);
  static final int CHUNK_RECORDS = 8192;

  private final ExecutorService pool;

  ParallelEncoder(ExecutorService pool) {
    this.pool = pool;
  }

  JobFormat.Encoded encode(JobFormat format, String account, List<byte[]> values) {
    return start(format, account, values).join();
  }

  /**
   * Starts encoding on the pool and returns at once, so a batch can be encoding while the one before
   * it uploads; {@link Pending#join()} waits for the body.
   */
  Pending start(JobFormat format, String account, List<byte[]> values) {
    List<CompletableFuture<JobFormat.Encoded>> parts = new ArrayList<>();
    int chunk = format.concatenable() ? CHUNK_RECORDS : Math.max(1, values.size());
    for (int from = 0; from < values.size() || from == 0; from += chunk) {
      List<byte[]> slice = values.subList(from, Math.min(values.size(), from + chunk));
      parts.add(CompletableFuture.supplyAsync(() -> chunk(format, account, slice), pool));
    }
    return new Pending(parts);
  }

  /** A batch being encoded. */
  static final class Pending {
    private final List<CompletableFuture<JobFormat.Encoded>> parts;

    Pending(List<CompletableFuture<JobFormat.Encoded>> parts) {
      this.parts = parts;
    }

    JobFormat.Encoded join() {
      return concatenate(parts);
    }
  }

  private static JobFormat.Encoded concatenate(List<CompletableFuture<JobFormat.Encoded>> parts) {
    List<JobFormat.Encoded> encoded = new ArrayList<>(parts.size());
    int size = 0;
    for (CompletableFuture<JobFormat.Encoded> part : parts) {
      try {
        JobFormat.Encoded e = part.join();
        encoded.add(e);
        size = Math.addExact(size, e.records() > 0 ? e.body().length : 0);
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    // One array of the final size: growing a stream would copy the body a few times over.
    byte[] body = new byte[size];
    int at = 0;
    int records = 0;
    long raw = 0;
    for (JobFormat.Encoded e : encoded) {
      if (e.records() > 0) {
        System.arraycopy(e.body(), 0, body, at, e.body().length);
        at += e.body().length;
        records += e.records();
        raw += e.rawBytes();
      }
    }
    JobFormat.Encoded first = encoded.getFirst();
    return new JobFormat.Encoded(body, records, raw, first.contentType(), first.contentEncoding(), first.extension());
  }

  private static JobFormat.Encoded chunk(JobFormat format, String account, List<byte[]> values) {
    try {
      JobFormat.Session session = format.open();
      // Most records are rendered from their wire bytes; what that reader declines is parsed as before.
      WireEvent wire = format.readsWire() ? new WireEvent() : null;
      byte[] accountBytes = account.getBytes(StandardCharsets.UTF_8);
      for (byte[] value : values) {
        if (wire != null && wire.read(value)) {
          if (wire.accountIs(accountBytes)) {
            session.add(wire);
          }
          continue;
        }
        AuditEvent event = parse(value);
        if (event != null && event.getAccountId().equals(account) && format.accepts(event)) {
          session.add(event);
        }
      }
      return session.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AuditEvent parse(byte[] value) {
    try {
      return AuditEvent.parseFrom(value);
    } catch (InvalidProtocolBufferException e) {
      // Ingest validated every event; a record that does not parse was not written by it. The
      // indexer keeps it among its rejects; Logpush leaves it out rather than stop the job.
      log.atWarn().setMessage("logpush skipped a record that is not an audit event").log();
      return null;
    }
  }
}
