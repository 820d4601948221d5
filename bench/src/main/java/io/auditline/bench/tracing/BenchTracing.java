package io.auditline.bench.tracing;

import io.auditline.app.config.AuditlineConfig;
import io.auditline.app.tracing.ProcessTracing;
import io.auditline.platform.tracing.Tracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.util.List;

/**
 * Tracing as a benchmark runs it: {@code off} is no tracing at all (no spans, no ids, no headers);
 * {@code on} is the production default — sampling at {@link AuditlineConfig.Tracing#DEFAULT_SAMPLE_RATIO},
 * sampled spans exported in batches over OTLP/HTTP to an in-process sink that answers every export,
 * so span building, batching, encoding and sending are all paid for.
 */
public enum BenchTracing {
  off,
  on;

  /** For {@code --tracing}: one setting, or {@code compare} for off and on interleaved in the same run. */
  public static List<BenchTracing> parse(String option) {
    return switch (option) {
      case "off" -> List.of(off);
      case "on" -> List.of(on);
      case "compare" -> List.of(off, on);
      default -> throw new IllegalArgumentException("tracing: %s (expected: on, off or compare)".formatted(option));
    };
  }

  /** The SDK for this setting; spans of {@code on} go to {@code sink}. */
  public OpenTelemetrySdk sdk(OtlpSink sink) {
    return sdk(sink, AuditlineConfig.Tracing.DEFAULT_SAMPLE_RATIO);
  }

  /** The SDK for this setting, {@code on} sampling {@code sampleRatio} of new traces. */
  public OpenTelemetrySdk sdk(OtlpSink sink, double sampleRatio) {
    return switch (this) {
      case off -> Tracing.off();
      case on -> ProcessTracing.create(config(sink, sampleRatio)).sdk();
    };
  }

  /** The {@code tracing} config of {@code on} sampling {@code sampleRatio}, the sink as the OTLP endpoint. */
  public static AuditlineConfig.Tracing config(OtlpSink sink, double sampleRatio) {
    return new AuditlineConfig.Tracing(sampleRatio, sink.endpoint(), "http/protobuf", null);
  }
}
