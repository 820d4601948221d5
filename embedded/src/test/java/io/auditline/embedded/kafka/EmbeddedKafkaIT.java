package io.auditline.embedded.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.platform.lifecycle.Health;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

  @TempDir Path dataDir;

  private EmbeddedKafka kafka;

  @AfterEach
  void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void keepsAcknowledgedRecordsAndBootstrapAddressAcrossRestart() throws Exception {
    kafka = new EmbeddedKafka(EmbeddedKafkaConfig.defaults(dataDir));
    kafka.start();
    String bootstrap = kafka.bootstrapServers();
    createTopic(bootstrap, "audit.test");
    produce(bootstrap, "audit.test", "account-1", "first event");
    assertThat(readValues(bootstrap, "audit.test", 1)).containsExactly("first event");

    kafka.close();
    assertThat(kafka.check().isHealthy()).isFalse();
    kafka.start();

    assertThat(kafka.bootstrapServers()).isEqualTo(bootstrap);
    assertThat(kafka.check()).isEqualTo(Health.healthy());
    assertThat(readValues(bootstrap, "audit.test", 1)).containsExactly("first event");
  }

  @Test
  void reportsUnhealthyAfterKillAndStartsAgainOnSameDataDir() throws Exception {
    kafka = new EmbeddedKafka(EmbeddedKafkaConfig.defaults(dataDir));
    kafka.start();
    assertThat(kafka.check().isHealthy()).isTrue();

    kafka.kill();

    assertThat(kafka.check())
        .isInstanceOfSatisfying(
            Health.Unhealthy.class,
            unhealthy -> assertThat(unhealthy.reason()).contains("exited with code"));
    kafka.start();
    createTopic(kafka.bootstrapServers(), "after.crash");
    produce(kafka.bootstrapServers(), "after.crash", "k", "v");
    assertThat(readValues(kafka.bootstrapServers(), "after.crash", 1)).containsExactly("v");
  }

  @Test
  void failsToStartWithClearMessageWhenPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      EmbeddedKafkaConfig config =
          EmbeddedKafkaConfig.defaults(dataDir).withPort(taken.getLocalPort());
      kafka = new EmbeddedKafka(config);
      assertThatThrownBy(kafka::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + taken.getLocalPort())
          .hasMessageContaining("already in use");
      assertThat(kafka.check().isHealthy()).isFalse();
    }
  }

  private static Map<String, Object> common(String bootstrap) {
    return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
  }

  private static void createTopic(String bootstrap, String topic) throws Exception {
    try (Admin admin = Admin.create(common(bootstrap))) {
      admin.createTopics(Set.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static void produce(String bootstrap, String topic, String key, String value)
      throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  private static List<String> readValues(String bootstrap, String topic, int expected) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    TopicPartition partition = new TopicPartition(topic, 0);
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          values.add(record.value());
        }
      }
    }
    return values;
  }
}
