package io.auditline.platform.tracing;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.Optional;

/**
 * Builds the process's OpenTelemetry instance: W3C trace-context propagation, a parent-based ratio
 * sampler, and no exporter unless one is given (spans are then still created and propagated, so
 * trace ids reach logs and Kafka headers, but nothing is sent).
 */
public final class Tracing {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private Tracing() {}

  /**
   * An SDK instance for {@code service}; close it on shutdown to flush the exporter.
   *
   * @param sampleRatio fraction of new traces to sample, 0.0 to 1.0; a sampled parent is always
   *     followed so one trace is never cut in half between services
   */
  public static OpenTelemetrySdk create(String service, double sampleRatio, Optional<SpanExporter> exporter) {
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
    tracer.addSpanProcessor(exporter.<SpanProcessor>map(e -> BatchSpanProcessor.builder(e).build())
        .orElseGet(IdsOnly::new));
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracer.build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
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
