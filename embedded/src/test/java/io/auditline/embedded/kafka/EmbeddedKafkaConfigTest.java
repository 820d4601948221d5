package io.auditline.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaConfigTest {

  private final EmbeddedKafkaConfig defaults = EmbeddedKafkaConfig.defaults(Path.of("data/kafka"));

  @Test
  void defaultsPickFreePortsAndModestHeap() {
    assertThat(defaults.port()).isEqualTo(EmbeddedKafkaConfig.ANY_PORT);
    assertThat(defaults.maxHeapMb()).isEqualTo(512);
    assertThat(defaults.startTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.dataDir()).isAbsolute();
  }

  @Test
  void rejectsPortOutOfRange() {
    assertThatThrownBy(() -> defaults.withPort(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port: 70000 (expected: 0 for any free port, or 1-65535)");
  }

  @Test
  void rejectsZeroPartitions() {
    assertThatThrownBy(() -> defaults.withDefaultPartitions(0))
        .hasMessage("defaultPartitions: 0 (expected: >= 1)");
  }

  @Test
  void rejectsNonPositiveStartTimeout() {
    assertThatThrownBy(() -> defaults.withStartTimeout(Duration.ZERO))
        .hasMessage("startTimeout: PT0S (expected: > 0)");
  }
}
