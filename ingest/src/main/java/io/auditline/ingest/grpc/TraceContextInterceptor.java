package io.auditline.ingest.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/** Continues the producer's trace: extracts W3C trace context from the request metadata. */
public final class TraceContextInterceptor implements ServerInterceptor {

  private static final TextMapGetter<Metadata> GETTER =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Metadata carrier) {
          return carrier.keys();
        }

        @Override
        public String get(Metadata carrier, String key) {
          return carrier == null ? null : carrier.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
        }
      };

  private final TextMapPropagator propagator;

  public TraceContextInterceptor(TextMapPropagator propagator) {
    this.propagator = propagator;
  }

  @Override
  public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
      ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
    io.opentelemetry.context.Context parent =
        propagator.extract(io.opentelemetry.context.Context.root(), headers, GETTER);
    return Contexts.interceptCall(Context.current().withValue(CallContext.TRACE, parent), call, headers, next);
  }
}
