package io.auditline.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchConsumerConfigTest {

  private final BatchConsumerConfig defaults =
      BatchConsumerConfig.defaults("indexer-consumer", "localhost:9092", "auditline-indexer", List.of("audit.events.v1"));

  @Test
  void defaultsToBatchesOfTwoThousandRecords() {
    assertThat(defaults.maxPollRecords()).isEqualTo(2000);
    assertThat(defaults.retry()).isEqualTo(RetryBackoff.defaults());
  }

  @Test
  void alwaysDisablesAutoCommitAndKeepsCallerProperties() {
    Map<String, Object> props =
        BatchConsumer.consumerProperties(defaults.withProperties(Map.of("auto.offset.reset", "earliest")));

    assertThat(props)
        .containsEntry("enable.auto.commit", false)
        .containsEntry("group.id", "auditline-indexer")
        .containsEntry("max.poll.records", 2000)
        .containsEntry("auto.offset.reset", "earliest");
  }

  @Test
  void rejectsPropertiesThatWouldTakeOffsetsOrDecodingAwayFromTheConsumer() {
    assertThatThrownBy(() -> defaults.withProperties(Map.of("enable.auto.commit", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'enable.auto.commit' cannot be set");
    assertThatThrownBy(() -> defaults.withProperties(Map.of("value.deserializer", "x")))
        .hasMessageContaining("'value.deserializer' cannot be set");
  }

  @Test
  void rejectsAnEmptyTopicListAndOutOfRangeValues() {
    assertThatThrownBy(() -> BatchConsumerConfig.defaults("c", "localhost:9092", "g", List.of()))
        .hasMessage("topics: [] (expected: at least one topic)");
    assertThatThrownBy(() -> defaults.withMaxPollRecords(0))
        .hasMessage("maxPollRecords: 0 (expected: 1..100000)");
    assertThatThrownBy(
            () -> new BatchConsumerConfig("c", "localhost:9092", "g", List.of("t"), 10, Duration.ofMinutes(1),
                Duration.ofSeconds(1), RetryBackoff.defaults(), Map.of()))
        .hasMessage("pollTimeout: PT1M (expected: 1ms..10s)");
  }
}
