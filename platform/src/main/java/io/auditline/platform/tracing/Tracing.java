package io.auditline.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the process's OpenTelemetry instance: W3C trace-context propagation, a parent-based ratio
 * sampler, and the span processors given (none: spans are still created and propagated, so trace ids
 * reach logs and Kafka headers, but nothing is kept or sent).
 */
public final class Tracing {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private Tracing() {}

  /**
   * An SDK instance for {@code service} that hands sampled spans to {@code exporter} in batches;
   * close it on shutdown to flush the exporter.
   *
   * @param sampleRatio fraction of new traces to sample, 0.0 to 1.0; a sampled parent is always
   *     followed so one trace is never cut in half between services
   */
  public static OpenTelemetrySdk create(String service, double sampleRatio, Optional<SpanExporter> exporter) {
    return create(service, sampleRatio, exporter.<List<SpanProcessor>>map(e -> List.of(BatchSpanProcessor.builder(e).build()))
        .orElse(List.of()));
  }

  /** An SDK instance for {@code service} whose sampled spans go to every one of {@code processors}. */
  public static OpenTelemetrySdk create(String service, double sampleRatio, List<SpanProcessor> processors) {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service: '%s' (expected: not blank)".formatted(service));
    }
    if (!(sampleRatio >= 0.0 && sampleRatio <= 1.0)) {
      throw new IllegalArgumentException("sampleRatio: %s (expected: 0.0..1.0)".formatted(sampleRatio));
    }
    SdkTracerProviderBuilder tracer = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, service))))
        .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(sampleRatio)));
    // Without any processor the SDK hands out no-op tracers and new traces would get no ids; a
    // processor that ignores spans keeps real ids for logs and Kafka headers at almost no cost.
    if (processors.isEmpty()) {
      tracer.addSpanProcessor(new IdsOnly());
    }
    processors.forEach(tracer::addSpanProcessor);
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracer.build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  /**
   * Tracing switched off entirely: no spans, no ids, nothing read from or written to carriers. For
   * measuring what tracing costs, and for tools that must not join a trace.
   */
  public static OpenTelemetrySdk off() {
    return OpenTelemetrySdk.builder().build();
  }

  /** The wire protocol of an OTLP collector endpoint. */
  public enum OtlpProtocol {
    /** OTLP over gRPC, conventionally port 4317. */
    GRPC("grpc"),
    /** OTLP protobuf over HTTP, conventionally port 4318, path {@code /v1/traces}. */
    HTTP_PROTOBUF("http/protobuf");

    private final String word;

    OtlpProtocol(String word) {
      this.word = word;
    }

    /** The word used in configuration: {@code grpc} or {@code http/protobuf}. */
    public String word() {
      return word;
    }

    /** Parses {@code grpc} or {@code http/protobuf}. */
    public static OtlpProtocol parse(String word) {
      String w = word == null ? "" : word.strip().toLowerCase(Locale.ROOT);
      for (OtlpProtocol p : values()) {
        if (p.word.equals(w)) {
          return p;
        }
      }
      throw new IllegalArgumentException("otlpProtocol: '%s' (expected: grpc or http/protobuf)".formatted(word));
    }
  }

  /**
   * An exporter that sends spans to an OTLP collector. For {@code http/protobuf} an endpoint without
   * a path gets {@code /v1/traces}, as the OTLP specification says for the base endpoint.
   */
  public static SpanExporter otlp(URI endpoint, OtlpProtocol protocol) {
    String scheme = endpoint.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("otlpEndpoint: %s (expected: an http:// or https:// URL)".formatted(endpoint));
    }
    return switch (protocol) {
      case GRPC -> OtlpGrpcSpanExporter.builder().setEndpoint(endpoint.toString()).build();
      case HTTP_PROTOBUF -> {
        String path = endpoint.getPath();
        String url = path == null || path.isEmpty() || path.equals("/")
            ? endpoint.toString().replaceAll("/$", "") + "/v1/traces"
            : endpoint.toString();
        yield OtlpHttpSpanExporter.builder().setEndpoint(url).build();
      }
    };
  }

  private static final class IdsOnly implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {}

    @Override
    public boolean isEndRequired() {
      return false;
    }
  }
}
