package io.auditline.ingest.kafka;

import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.proto.v1.AuditEvent;
import io.opentelemetry.context.Context;
import java.util.concurrent.CompletableFuture;

/** The durable log that accepted events are appended to. */
public interface EventLog {

  /**
   * Appends {@code event}; the future completes once the log acknowledged it durably (for Kafka:
   * acks=all) and fails when it did not within the configured time.
   */
  CompletableFuture<Void> append(ProducerIdentity producer, AuditEvent event, Context trace);
}
