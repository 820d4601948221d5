package io.auditline.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SharedKafkaIT {

  @Test
  void sharesOneBrokerAcrossCalls() {
    assertThat(SharedKafka.bootstrapServers()).isEqualTo(SharedKafka.bootstrapServers());
  }

  @Test
  void readAllReturnsEveryRecordOfEveryPartition() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String topic = KafkaTestSupport.uniqueTopicName("testkit.read-all");
    KafkaTestSupport.createTopic(bootstrap, topic, 3);
    try (KafkaProducer<String, String> producer = producer(bootstrap)) {
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i)).get();
      }
    }

    List<ConsumerRecord<byte[], byte[]>> records =
        KafkaTestSupport.readAll(bootstrap, topic, 10, Duration.ofSeconds(30));

    assertThat(records)
        .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder(
            "value-0", "value-1", "value-2", "value-3", "value-4", "value-5", "value-6",
            "value-7", "value-8", "value-9");
    assertThat(records).extracting(ConsumerRecord::partition).hasSizeGreaterThan(1);
  }

  @Test
  void readAllFailsWithProgressWhenTooFewRecordsArrive() {
    String bootstrap = SharedKafka.bootstrapServers();
    String topic = KafkaTestSupport.uniqueTopicName("testkit.too-few");
    KafkaTestSupport.createTopic(bootstrap, topic, 1);

    assertThatThrownBy(() -> KafkaTestSupport.readAll(bootstrap, topic, 1, Duration.ofSeconds(2)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("read 0 records from topic " + topic)
        .hasMessageContaining("expected: at least 1");
  }

  @Test
  void uniqueTopicNamesDifferAndRejectIllegalPrefixes() {
    assertThat(KafkaTestSupport.uniqueTopicName("a")).isNotEqualTo(KafkaTestSupport.uniqueTopicName("a"));
    assertThatThrownBy(() -> KafkaTestSupport.uniqueTopicName("has space"))
        .hasMessage("prefix: 'has space' (expected: 1-200 of [a-zA-Z0-9._-])");
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(),
        new StringSerializer());
  }
}
