package io.auditline.testkit.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Small helpers for tests against a real broker: create topics and read them back. */
public final class KafkaTestSupport {

  private static final Pattern TOPIC_PREFIX = Pattern.compile("[a-zA-Z0-9._-]{1,200}");
  private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

  private KafkaTestSupport() {}

  /** A topic name no other test in this JVM or broker uses, e.g. {@code audit.events-1f3c...}. */
  public static String uniqueTopicName(String prefix) {
    if (prefix == null || !TOPIC_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "prefix: '" + prefix + "' (expected: 1-200 of [a-zA-Z0-9._-])");
    }
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Creates a topic with replication factor 1 and waits until the broker confirms it. */
  public static void createTopic(String bootstrap, String name, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions: " + partitions + " (expected: >= 1)");
    }
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(Set.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot create topic " + name + " with " + partitions + " partitions at " + bootstrap, e);
    }
  }

  /**
   * Reads a topic from the beginning of every partition, without a consumer group, until at least
   * {@code expectedAtLeast} records were read and every partition's end offset was reached.
   *
   * @throws AssertionError if that does not happen within {@code timeout}, saying how far it got
   */
  public static List<ConsumerRecord<byte[], byte[]>> readAll(
      String bootstrap, String topic, int expectedAtLeast, Duration timeout) {
    if (expectedAtLeast < 0) {
      throw new IllegalArgumentException(
          "expectedAtLeast: " + expectedAtLeast + " (expected: >= 0)");
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "testkit-read-all"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitionsOf(consumer, topic, deadline, timeout);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = Map.of();
      while (System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        if (records.size() >= expectedAtLeast) {
          ends = consumer.endOffsets(partitions);
          if (reachedEnd(consumer, ends)) {
            return records;
          }
        }
      }
      throw new AssertionError(
          "read " + records.size() + " records from topic " + topic + " within " + timeout
              + " (expected: at least " + expectedAtLeast + " and every partition read to its end;"
              + " end offsets: " + ends + ")");
    }
  }

  private static boolean reachedEnd(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream()
        .allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  private static List<TopicPartition> partitionsOf(
      KafkaConsumer<byte[], byte[]> consumer, String topic, long deadline, Duration timeout) {
    // Metadata of a just-created topic may take a moment to reach the consumer.
    while (System.nanoTime() < deadline) {
      try {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (!infos.isEmpty()) {
          return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        }
      } catch (TimeoutException e) {
        // Try again until the caller's deadline.
      }
    }
    throw new AssertionError("topic " + topic + " has no partitions after " + timeout);
  }
}
