package io.auditline.ingest.kafka;

import com.google.protobuf.ByteString;
import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.proto.v1.SecurityEvent;
import io.opentelemetry.context.Context;
import java.util.function.Consumer;

/** The durable log that accepted security events are appended to, keyed by zone. */
public interface SecurityEventLog {

  /** An appender for the security events of one request; see {@link EventLog#appender}. */
  Appender securityAppender(ProducerIdentity producer, Context trace);

  /** Appends security events of one request. */
  interface Appender {

    /** As {@link EventLog.Appender#append}: {@code done} runs exactly once, with null once durable. */
    void append(SecurityEvent event, ByteString encoded, Consumer<Throwable> done);
  }
}
