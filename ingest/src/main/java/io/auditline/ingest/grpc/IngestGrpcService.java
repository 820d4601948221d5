package io.auditline.ingest.grpc;

import com.google.protobuf.ByteString;
import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.ingest.pipeline.IngestOutcome;
import io.auditline.ingest.pipeline.IngestPipeline;
import io.auditline.ingest.pipeline.IngestTelemetry;
import io.auditline.ingest.pipeline.SecurityIngestPipeline;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestSecurityEventsRequest;
import io.auditline.proto.v1.IngestSecurityEventsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The thin gRPC edge: reads the caller's identity, runs the pipeline, maps the outcome. */
public final class IngestGrpcService {

  private final IngestPipeline pipeline;
  private final SecurityIngestPipeline securityPipeline;
  private final Tracer tracer;
  private final IngestTelemetry telemetry;

  public IngestGrpcService(
      IngestPipeline pipeline, SecurityIngestPipeline securityPipeline, Tracer tracer, IngestTelemetry telemetry) {
    this.pipeline = pipeline;
    this.securityPipeline = securityPipeline;
    this.tracer = tracer;
    this.telemetry = telemetry;
  }

  /** Entry point used by {@link IngestServer}: malformed bytes get INVALID_ARGUMENT, not UNKNOWN. */
  void ingestIncoming(IncomingRequest incoming, StreamObserver<IngestResponse> responses) {
    switch (incoming) {
      case IncomingRequest.Parsed parsed -> run(parsed.request(), parsed.encodedEvents(), responses);
      case IncomingRequest.Malformed malformed -> {
        telemetry.rpc("INVALID_ARGUMENT", 0);
        responses.onError(
            Status.INVALID_ARGUMENT
                .withDescription("request is not a valid auditline.v1.IngestRequest: " + malformed.reason())
                .asRuntimeException());
      }
    }
  }

  /** IngestSecurityEvents: the same edge as Ingest, over the security-event pipeline. */
  void ingestSecurityEvents(
      IngestSecurityEventsRequest request, StreamObserver<IngestSecurityEventsResponse> responses) {
    run(
        "IngestSecurityEvents",
        request.getEventsCount(),
        (producer, trace) -> securityPipeline.ingest(producer, request, trace),
        IngestGrpcService::asSecurityResponse,
        responses);
  }

  private void run(IngestRequest request, List<ByteString> encodedEvents, StreamObserver<IngestResponse> responses) {
    run(
        "Ingest",
        request.getEventsCount(),
        (producer, trace) -> pipeline.ingest(producer, request, encodedEvents, trace),
        Function.identity(),
        responses);
  }

  /** How a method hands its request to its pipeline. */
  private interface Call {
    CompletableFuture<IngestOutcome> start(ProducerIdentity producer, Context trace);
  }

  private <R> void run(
      String method, int events, Call call, Function<IngestResponse, R> toResponse, StreamObserver<R> responses) {
    long start = System.nanoTime();
    ProducerIdentity producer = CallContext.PRODUCER.get();
    if (producer == null) { // the identity interceptor is missing: a wiring bug, not a client error
      responses.onError(Status.INTERNAL.withDescription("no producer identity on the call").asRuntimeException());
      return;
    }
    Context parent = CallContext.TRACE.get() == null ? Context.root() : CallContext.TRACE.get();
    // Continues the producer's trace (the traceparent of the call's metadata) when it sent one.
    Span span = tracer.spanBuilder("auditline.v1.IngestService/" + method).setParent(parent).setSpanKind(SpanKind.SERVER)
        .startSpan();
    if (span.isRecording()) {
      span.setAttribute("rpc.system", "grpc");
      span.setAttribute("auditline.producer", producer.value());
      span.setAttribute("auditline.events", events);
    }
    CompletableFuture<IngestOutcome> pending;
    try (Scope ignored = span.makeCurrent()) { // logs of the synchronous part carry the trace ids
      pending = call.start(producer, parent.with(span));
    }
    pending
        .whenComplete(
            (outcome, error) -> {
              String code = finish(outcome, error, toResponse, responses);
              telemetry.rpc(code, System.nanoTime() - start);
              if (span.isRecording()) {
                if (!code.equals("OK")) {
                  span.setStatus(StatusCode.ERROR, code);
                }
                span.setAttribute("rpc.grpc.status_code", code);
              }
              span.end();
            });
  }

  /** IngestSecurityEventsResponse has IngestResponse's fields, numbers and meaning. */
  private static IngestSecurityEventsResponse asSecurityResponse(IngestResponse response) {
    return IngestSecurityEventsResponse.newBuilder()
        .addAllResults(response.getResultsList())
        .setAcceptedCount(response.getAcceptedCount())
        .setDuplicateCount(response.getDuplicateCount())
        .setRejectedCount(response.getRejectedCount())
        .build();
  }

  private static <R> String finish(
      IngestOutcome outcome, Throwable error, Function<IngestResponse, R> toResponse, StreamObserver<R> responses) {
    if (error != null) {
      responses.onError(Status.INTERNAL.withDescription("ingest failed: " + error).withCause(error).asRuntimeException());
      return "INTERNAL";
    }
    StatusRuntimeException failure =
        switch (outcome) {
          case IngestOutcome.Completed completed -> {
            responses.onNext(toResponse.apply(completed.response()));
            responses.onCompleted();
            yield null;
          }
          case IngestOutcome.Invalid invalid -> StatusMapper.invalid(invalid);
          case IngestOutcome.Denied denied -> StatusMapper.denied(denied);
          case IngestOutcome.RateLimited limited -> StatusMapper.rateLimited(limited);
          case IngestOutcome.Unavailable unavailable -> StatusMapper.unavailable(unavailable);
        };
    if (failure == null) {
      return "OK";
    }
    responses.onError(failure);
    return failure.getStatus().getCode().name();
  }
}
