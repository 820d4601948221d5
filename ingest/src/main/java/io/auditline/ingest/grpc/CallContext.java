package io.auditline.ingest.grpc;

import io.auditline.ingest.auth.ProducerIdentity;
import io.grpc.Context;

/** gRPC context keys set by the interceptors and read by the service. */
final class CallContext {

  /** The producer identity taken from the verified client certificate. */
  static final Context.Key<ProducerIdentity> PRODUCER = Context.key("auditline-producer");

  /** The caller's trace context, extracted from the request metadata. */
  static final Context.Key<io.opentelemetry.context.Context> TRACE = Context.key("auditline-trace");

  private CallContext() {}
}
