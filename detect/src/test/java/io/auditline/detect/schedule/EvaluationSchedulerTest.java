package io.auditline.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.platform.lifecycle.Health;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class EvaluationSchedulerTest {

  private static final Map<String, Object> CONSUMER = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");

  @Test
  void closesCleanlyWhenNeverStarted() throws Exception {
    EvaluationScheduler scheduler = new EvaluationScheduler(SchedulerConfig.defaults(CONSUMER, "a"), null,
        FixedZones.numbered(1), (zone, minute) -> {}, SchedulerTelemetry.NONE, Clock.systemUTC());
    assertThat(scheduler.check()).isEqualTo(Health.healthy());
    scheduler.close();
  }

  @Test
  void rejectsALookbackThatIsNotWholeTicks() {
    assertThatThrownBy(() -> SchedulerConfig.defaults(CONSUMER, "a")
        .withTiming(Duration.ofMinutes(1), Duration.ofSeconds(90), Duration.ofMinutes(5)))
        .hasMessageContaining("lookback: PT1M30S (expected: a multiple of tick PT1M)");
  }

  @Test
  void rejectsAStaleTimeoutShorterThanATick() {
    assertThatThrownBy(() -> SchedulerConfig.defaults(CONSUMER, "a")
        .withTiming(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(10)))
        .hasMessageContaining("staleClaim: PT10S");
  }
}
