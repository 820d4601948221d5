package io.auditline.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How ingest talks to Kafka: the cluster, the topic it creates if missing, and how long an append may
 * take before the RPC fails with UNAVAILABLE.
 *
 * @param bootstrapServers comma-separated host:port list
 * @param topic the audit-event topic, {@code audit.events.v1} by default
 * @param partitions partitions when the topic is created
 * @param replicationFactor replicas when the topic is created; 0 takes the broker default
 * @param produceTimeout bound on an append, from send to acknowledgement (Kafka's delivery timeout)
 * @param producerOverrides extra Kafka producer properties (they cannot weaken acks or idempotence)
 */
public record KafkaSettings(
    String bootstrapServers,
    String topic,
    int partitions,
    short replicationFactor,
    Duration produceTimeout,
    Map<String, String> producerOverrides) {

  public static final String DEFAULT_TOPIC = "audit.events.v1";

  public KafkaSettings {
    Objects.requireNonNull(bootstrapServers, "bootstrapServers");
    if (bootstrapServers.isBlank()) {
      throw new IllegalArgumentException("kafka bootstrapServers: blank (expected: host:port[,host:port...])");
    }
    Objects.requireNonNull(topic, "topic");
    if (!topic.matches("[A-Za-z0-9._-]{1,249}")) {
      throw new IllegalArgumentException("kafka topic: '" + topic + "' (expected: [A-Za-z0-9._-]{1,249})");
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

  public static KafkaSettings defaults(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, DEFAULT_TOPIC, 6, (short) 0, Duration.ofSeconds(10), Map.of());
  }
}
