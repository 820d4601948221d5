package io.auditline.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Objects;

/**
 * The one error counter every stage of the pipeline shares, {@code
 * auditline_errors_total{stage,kind}}, so that error rates compare across stages and one alert
 * covers them all. Stages keep their detailed counters too (with reasons); this one is the
 * common denominator.
 */
public final class PipelineErrors {

  /** Where in the pipeline an error happened; the {@code stage} label. */
  public enum Stage {
    /** Accepting events and producing them to Kafka. */
    INGEST,
    /** Indexing events into PostgreSQL. */
    INDEX,
    /** Delivering events to customers' destinations. */
    LOGPUSH,
    /** Rolling up security events and evaluating alert policies. */
    DETECT;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private PipelineErrors() {}

  /** The counter for {@code kind} errors in {@code stage}; {@code kind} is a fixed word like {@code handler_failure}. */
  public static Counter counter(MeterRegistry registry, Stage stage, String kind) {
    Objects.requireNonNull(stage, "stage");
    if (kind == null || !kind.matches("[a-z][a-z0-9_]{0,40}")) {
      throw new IllegalArgumentException("kind: '%s' (expected: [a-z][a-z0-9_]{0,40})".formatted(kind));
    }
    return Counter.builder("auditline.errors")
        .description("Errors by pipeline stage and kind (each stage also has detailed counters)")
        .tag("stage", stage.label())
        .tag("kind", kind)
        .register(registry);
  }
}
