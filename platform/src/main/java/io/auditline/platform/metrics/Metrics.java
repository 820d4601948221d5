package io.auditline.platform.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's metric registry: Prometheus-backed, with JVM and process metrics and a common
 * {@code service} tag.
 *
 * <p>Naming vocabulary: {@code auditline_<component>_<thing>_<unit>}, for example {@code
 * auditline_ingest_events_total}, {@code auditline_logpush_batch_bytes}, {@code
 * auditline_detect_check_duration_seconds}. In Micrometer that is the dotted name {@code
 * auditline.ingest.events} (a counter; Prometheus adds {@code _total}) or a timer {@code
 * auditline.detect.check.duration} (Prometheus adds {@code _seconds}). Units are base units
 * (seconds, bytes) and appear in the name; tag values come from small fixed sets (outcome,
 * destination type), never from tenant ids or free text, so the number of series stays bounded.
 */
public final class Metrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc;

  private Metrics(PrometheusMeterRegistry registry, JvmGcMetrics gc) {
    this.registry = registry;
    this.gc = gc;
  }

  /** A registry tagged {@code service=<service>} with JVM and process binders installed. */
  public static Metrics create(String service) {
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException("service: '%s' (expected: not blank)".formatted(service));
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("service", service);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return new Metrics(registry, gc);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The current values in the Prometheus text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
