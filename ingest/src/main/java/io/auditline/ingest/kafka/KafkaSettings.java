package io.auditline.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How ingest talks to Kafka: the cluster, the topics it creates if missing, and how long an append may
 * take before the RPC fails with UNAVAILABLE.
 *
 * @param bootstrapServers comma-separated host:port list
 * @param topic the audit-event topic, {@code audit.events.v1} by default
 * @param securityTopic the security-event topic, {@code security.events.v1} by default
 * @param partitions partitions when the topic is created
 * @param replicationFactor replicas when the topic is created; 0 takes the broker default
 * @param produceTimeout bound on an append, from send to acknowledgement (Kafka's delivery timeout)
 * @param producerOverrides extra Kafka producer properties (they cannot weaken acks or idempotence)
 */
public record KafkaSettings(
    String bootstrapServers,
    String topic,
    String securityTopic,
    int partitions,
    short replicationFactor,
    Duration produceTimeout,
    Map<String, String> producerOverrides) {

  public static final String DEFAULT_TOPIC = "audit.events.v1";
  public static final String DEFAULT_SECURITY_TOPIC = "security.events.v1";

  /** Settings with the default security-event topic. */
  public KafkaSettings(
      String bootstrapServers,
      String topic,
      int partitions,
      short replicationFactor,
      Duration produceTimeout,
      Map<String, String> producerOverrides) {
    this(bootstrapServers, topic, DEFAULT_SECURITY_TOPIC, partitions, replicationFactor, produceTimeout, producerOverrides);
  }

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("kafka bootstrapServers: blank (expected: host:port[,host:port...])");
    }
    checkTopic("topic", topic);
    checkTopic("securityTopic", securityTopic);
    if (topic.equals(securityTopic)) {
      throw new IllegalArgumentException(
          "kafka securityTopic: '" + securityTopic + "' (expected: a topic other than the audit topic)");
    }
    if (partitions < 1 || partitions > 10_000) {
      throw new IllegalArgumentException("kafka partitions: " + partitions + " (expected: 1..10000)");
    }
    if (replicationFactor < 0) {
      throw new IllegalArgumentException(
          "kafka replicationFactor: " + replicationFactor + " (expected: >= 0, 0 = broker default)");
    }
    Objects.requireNonNull(produceTimeout, "produceTimeout");
    if (produceTimeout.toMillis() < 1_000 || produceTimeout.toMinutes() > 10) {
      throw new IllegalArgumentException("kafka produceTimeout: " + produceTimeout + " (expected: 1s..10m)");
    }
    producerOverrides = Map.copyOf(producerOverrides == null ? Map.of() : producerOverrides);
    for (String forbidden : new String[] {"acks", "enable.idempotence", "key.serializer", "value.serializer"}) {
      if (producerOverrides.containsKey(forbidden)) {
        throw new IllegalArgumentException(
            "kafka producerOverrides: '" + forbidden + "' cannot be overridden (durability depends on it)");
      }
    }
  }

  private static void checkTopic(String name, String topic) {
    Objects.requireNonNull(topic, name);
    if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
      throw new IllegalArgumentException("kafka " + name + ": '" + topic + "' (expected: [A-Za-z0-9._-]{1,249})");
    }
  }

  public static KafkaSettings defaults(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, DEFAULT_TOPIC, 6, (short) 0, Duration.ofSeconds(10), Map.of());
  }
}
