package io.auditline.app.tracing;

import io.auditline.app.config.AuditlineConfig;
import io.auditline.platform.http.AdminHttpServer;
import io.auditline.platform.profiling.AdminToken;
import io.auditline.platform.tracing.SpanStore;
import io.auditline.platform.tracing.TraceRoutes;
import io.auditline.platform.tracing.Tracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The process's tracing, built once from {@code tracing.*}: the SDK with an OTLP exporter when
 * {@code otlpEndpoint} is set, and the in-process span store when {@code keepSpans > 0}, which
 * {@link #mount} serves on the admin server at {@value TraceRoutes#PATH}.
 *
 * @param sdk the OpenTelemetry instance to assemble the server with (it closes it)
 * @param store the in-process span store, when kept
 */
public record ProcessTracing(OpenTelemetrySdk sdk, Optional<SpanStore> store) {

  /** The service name on every span. */
  public static final String SERVICE = "auditline";

  public static ProcessTracing create(AuditlineConfig.Tracing config) {
    List<SpanProcessor> processors = new ArrayList<>();
    Optional<SpanStore> store = config.keepSpans() > 0 ? Optional.of(new SpanStore(config.keepSpans())) : Optional.empty();
    store.ifPresent(processors::add);
    if (config.otlpEndpoint() != null) {
      processors.add(BatchSpanProcessor.builder(Tracing.otlp(config.otlpEndpoint(), config.protocol())).build());
    }
    return new ProcessTracing(Tracing.create(SERVICE, config.sampleRatio(), processors), store);
  }

  /**
   * Mounts {@code GET /admin/traces} on {@code http} when spans are kept, behind the admin token like
   * every {@code /admin/} path (spans name accounts and object keys); before the server starts.
   */
  public void mount(AdminHttpServer http, AdminToken token) {
    store.ifPresent(s -> http.handle(TraceRoutes.PATH, token.guard(new TraceRoutes(s))));
  }
}
