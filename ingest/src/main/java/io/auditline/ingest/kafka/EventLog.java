package io.auditline.ingest.kafka;

import com.google.protobuf.ByteString;
import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.proto.v1.AuditEvent;
import io.opentelemetry.context.Context;
import java.util.function.Consumer;

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
     * Appends {@code event} ({@code encoded} are its bytes as received, written as they are) and calls {@code done} exactly once: with null once the log acknowledged
     * it durably (for Kafka: acks=all), or with the failure when it did not within the configured time.
     * {@code done} may run on the log's I/O thread: keep it short.
     */
    void append(AuditEvent event, ByteString encoded, Consumer<Throwable> done);
  }
}
