package io.auditline.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void scrapesJvmMetricsAndOwnMetersWithTheServiceTag() {
    try (Metrics metrics = Metrics.create("ingest")) {
      metrics.registry().counter("auditline.ingest.events", "outcome", "accepted").increment(3);

      String text = metrics.scrape();

      assertThat(text)
          .contains("auditline_ingest_events_total{outcome=\"accepted\",service=\"ingest\"} 3.0")
          .contains("jvm_memory_used_bytes")
          .contains("process_uptime_seconds");
    }
  }

  @Test
  void rejectsBlankServiceName() {
    assertThatThrownBy(() -> Metrics.create(" ")).hasMessageContaining("service: ' ' (expected: not blank)");
  }
}
