package io.auditline.ingest.kafka;

import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.proto.v1.AuditEvent;
import io.opentelemetry.context.Context;
import java.util.concurrent.CompletableFuture;

/** The durable log that accepted events are appended to. */
public interface EventLog {

  /**
   * An appender for the events of one request, which share the producer and the trace context (so
   * per-request work such as encoding headers is done once).
   */
  Appender appender(ProducerIdentity producer, Context trace);

  /** Appends events of one request. */
  interface Appender {

    /**
     * Appends {@code event}; the future completes once the log acknowledged it durably (for Kafka:
     * acks=all) and fails when it did not within the configured time.
     */
    CompletableFuture<Void> append(AuditEvent event);
  }
}
