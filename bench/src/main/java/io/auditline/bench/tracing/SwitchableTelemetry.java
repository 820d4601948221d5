package io.auditline.bench.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.Closeable;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One OpenTelemetry for one server, whose tracers and propagator hand every call to the setting
 * chosen last ({@link #use}). A comparison then measures the same server instance — the same
 * connections, caches, Kafka producer and JIT-compiled code — with tracing off and on by turns,
 * instead of two instances that can differ by more than tracing costs.
 *
 * <p>A span keeps working after a switch (it belongs to the SDK that started it); only new spans,
 * injections and extractions follow the switch. Each call pays one volatile read in both settings.
 */
public final class SwitchableTelemetry implements OpenTelemetry, Closeable {

  private final Map<BenchTracing, OpenTelemetrySdk> settings;
  private volatile BenchTracing current = BenchTracing.off;

  /** Switches between {@code settings}; starts with {@link BenchTracing#off} (which must be among them). */
  public SwitchableTelemetry(Map<BenchTracing, OpenTelemetrySdk> settings) {
    if (!settings.containsKey(BenchTracing.off)) {
      throw new IllegalArgumentException("settings: " + settings.keySet() + " (expected: off among them)");
    }
    this.settings = new EnumMap<>(settings);
  }

  /** From now on, new spans and propagation go to {@code setting}. */
  public void use(BenchTracing setting) {
    if (!settings.containsKey(setting)) {
      throw new IllegalArgumentException("setting: " + setting + " (expected: one of " + settings.keySet() + ")");
    }
    current = setting;
  }

  @Override
  public TracerProvider getTracerProvider() {
    return new TracerProvider() {
      @Override
      public Tracer get(String scope) {
        return switching(setting -> settings.get(setting).getTracer(scope));
      }

      @Override
      public Tracer get(String scope, String version) {
        return switching(setting -> settings.get(setting).getTracer(scope, version));
      }
    };
  }

  private Tracer switching(Function<BenchTracing, Tracer> tracerOf) {
    Map<BenchTracing, Tracer> tracers = new EnumMap<>(BenchTracing.class);
    settings.keySet().forEach(setting -> tracers.put(setting, tracerOf.apply(setting)));
    return name -> tracers.get(current).spanBuilder(name);
  }

  @Override
  public ContextPropagators getPropagators() {
    Map<BenchTracing, TextMapPropagator> propagators = new EnumMap<>(BenchTracing.class);
    settings.forEach((setting, sdk) -> propagators.put(setting, sdk.getPropagators().getTextMapPropagator()));
    TextMapPropagator switching = new TextMapPropagator() {
      @Override
      public Collection<String> fields() {
        return propagators.get(current).fields();
      }

      @Override
      public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
        propagators.get(current).inject(context, carrier, setter);
      }

      @Override
      public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
        return propagators.get(current).extract(context, carrier, getter);
      }
    };
    return () -> switching;
  }

  /** Closes every setting's SDK, flushing what the exporters still hold. */
  @Override
  public void close() {
    settings.values().forEach(OpenTelemetrySdk::close);
  }
}
