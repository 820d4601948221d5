package io.auditline.bench.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.platform.tracing.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwitchableTelemetryTest {

  @Test
  void tracersAndPropagatorObtainedOnceFollowEverySwitch() {
    try (SwitchableTelemetry telemetry = new SwitchableTelemetry(Map.of(
        BenchTracing.off, Tracing.off(),
        BenchTracing.on, Tracing.create("bench-test", 1.0, List.of())))) {
      Tracer tracer = telemetry.getTracer("scope"); // as a server obtains it once, at assembly
      TextMapPropagator propagator = telemetry.getPropagators().getTextMapPropagator();

      Span off = tracer.spanBuilder("a").startSpan();
      assertThat(off.getSpanContext().isValid()).isFalse();
      assertThat(inject(propagator, off)).isEmpty();

      telemetry.use(BenchTracing.on);
      Span on = tracer.spanBuilder("b").startSpan();
      assertThat(on.getSpanContext().isValid()).isTrue();
      assertThat(on.getSpanContext().isSampled()).isTrue();
      assertThat(inject(propagator, on)).containsKey("traceparent");

      telemetry.use(BenchTracing.off);
      assertThat(tracer.spanBuilder("c").startSpan().getSpanContext().isValid()).isFalse();
      assertThat(inject(propagator, on)).isEmpty();
      on.end(); // a span started before the switch still ends on its own SDK
    }
  }

  @Test
  void refusesSettingsWithoutOffAndUnknownSwitches() {
    assertThatThrownBy(() -> new SwitchableTelemetry(Map.of(BenchTracing.on, Tracing.off())))
        .hasMessageContaining("expected: off among them");
    try (SwitchableTelemetry telemetry = new SwitchableTelemetry(Map.of(BenchTracing.off, Tracing.off()))) {
      assertThatThrownBy(() -> telemetry.use(BenchTracing.on)).hasMessageContaining("setting: on");
    }
  }

  private static Map<String, String> inject(TextMapPropagator propagator, Span span) {
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(Context.root().with(span), carrier, Map::put);
    return carrier;
  }
}
