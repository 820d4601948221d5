package io.auditline.platform.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link BatchConsumer} reads: cluster, group, topics, batch size and retry policy.
 *
 * @param name the component name in logs and health, e.g. {@code "indexer-consumer"}
 * @param bootstrapServers comma-separated host:port list
 * @param groupId the consumer group; its committed offsets are where a restart resumes
 * @param topics the topics to subscribe to
 * @param maxPollRecords the largest batch handed to the handler (Kafka's {@code max.poll.records})
 * @param pollTimeout how long one poll waits for records; also bounds how fast close() is noticed
 * @param drainTimeout how long close() waits for the in-flight batch before abandoning it
 * @param retry the backoff between attempts at a failing batch
 * @param properties extra Kafka consumer properties; auto commit and deserializers cannot be set
 */
public record BatchConsumerConfig(
    String name,
    String bootstrapServers,
    String groupId,
    List<String> topics,
    int maxPollRecords,
    Duration pollTimeout,
    Duration drainTimeout,
    RetryBackoff retry,
    Map<String, String> properties) {

  public static final int DEFAULT_MAX_POLL_RECORDS = 2000;

  // Offsets are committed by the consumer loop alone, and the caller passes deserializer instances.
  private static final Set<String> RESERVED =
      Set.of("enable.auto.commit", "group.id", "key.deserializer", "value.deserializer", "max.poll.records");

  public BatchConsumerConfig {
    requireText("name", name, "[a-z][a-z0-9-]{0,62}");
    requireText("bootstrapServers", bootstrapServers, "\\S+");
    requireText("groupId", groupId, "[A-Za-z0-9._-]{1,249}");
    Objects.requireNonNull(topics, "topics");
    topics = List.copyOf(topics);
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("topics: [] (expected: at least one topic)");
    }
    topics.forEach(t -> requireText("topic", t, "[A-Za-z0-9._-]{1,249}"));
    if (maxPollRecords < 1 || maxPollRecords > 100_000) {
      throw new IllegalArgumentException("maxPollRecords: %d (expected: 1..100000)".formatted(maxPollRecords));
    }
    Objects.requireNonNull(pollTimeout, "pollTimeout");
    if (pollTimeout.toMillis() < 1 || pollTimeout.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new IllegalArgumentException("pollTimeout: %s (expected: 1ms..10s)".formatted(pollTimeout));
    }
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (drainTimeout.isNegative() || drainTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("drainTimeout: %s (expected: 0..5m)".formatted(drainTimeout));
    }
    Objects.requireNonNull(retry, "retry");
    properties = Map.copyOf(properties == null ? Map.of() : properties);
    for (String key : properties.keySet()) {
      if (RESERVED.contains(key)) {
        throw new IllegalArgumentException(
            "properties: '%s' cannot be set (expected: none of %s)".formatted(key, RESERVED));
      }
    }
  }

  /** Defaults: 2000 records per batch, 500 ms polls, 30 s drain, {@link RetryBackoff#defaults()}. */
  public static BatchConsumerConfig defaults(String name, String bootstrapServers, String groupId, List<String> topics) {
    return new BatchConsumerConfig(
        name, bootstrapServers, groupId, topics, DEFAULT_MAX_POLL_RECORDS,
        Duration.ofMillis(500), Duration.ofSeconds(30), RetryBackoff.defaults(), Map.of());
  }

  public BatchConsumerConfig withMaxPollRecords(int records) {
    return new BatchConsumerConfig(name, bootstrapServers, groupId, topics, records, pollTimeout, drainTimeout, retry, properties);
  }

  public BatchConsumerConfig withRetry(RetryBackoff backoff) {
    return new BatchConsumerConfig(name, bootstrapServers, groupId, topics, maxPollRecords, pollTimeout, drainTimeout, backoff, properties);
  }

  public BatchConsumerConfig withProperties(Map<String, String> extra) {
    return new BatchConsumerConfig(name, bootstrapServers, groupId, topics, maxPollRecords, pollTimeout, drainTimeout, retry, extra);
  }

  private static void requireText(String what, String value, String pattern) {
    Objects.requireNonNull(value, what);
    if (!value.matches(pattern)) {
      throw new IllegalArgumentException("%s: '%s' (expected: %s)".formatted(what, value, pattern));
    }
  }
}
