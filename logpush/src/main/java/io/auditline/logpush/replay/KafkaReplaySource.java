package io.auditline.logpush.replay;

import com.google.protobuf.InvalidProtocolBufferException;
import io.auditline.proto.v1.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Replays from the log: every partition from the first record appended at or after {@code since}
 * minus the contract's clock allowance up to the end of the log when the replay started, keeping the
 * job's account's events whose {@code occurred_at} falls in the range.
 */
public final class KafkaReplaySource implements ReplaySource {

  /** Events may say they happened up to an hour after they were appended (the contract's limit). */
  static final Duration AHEAD_ALLOWANCE = Duration.ofHours(1);

  private final Consumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final Map<TopicPartition, Long> starts;
  private final Map<TopicPartition, Long> ends;
  private final String account;
  private final Instant since;
  private final Instant before;
  private final BooleanSupplier stopping;

  private KafkaReplaySource(Consumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> starts,
      Map<TopicPartition, Long> ends, String account, Instant since, Instant before, BooleanSupplier stopping) {
    this.consumer = consumer;
    this.partitions = partitions;
    this.starts = starts;
    this.ends = ends;
    this.account = account;
    this.since = since;
    this.before = before;
    this.stopping = stopping;
  }

  /** The log as a source when it still holds the whole range, else empty (the store must serve it). */
  public static Optional<KafkaReplaySource> ifRetained(Consumer<byte[], byte[]> consumer, String topic, String account, Instant since,
      Instant before, BooleanSupplier stopping) {
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
        .map(i -> new TopicPartition(topic, i.partition())).toList();
    Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
    Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
    Map<TopicPartition, Long> zero = new HashMap<>();
    partitions.forEach(tp -> zero.put(tp, 0L));
    Map<TopicPartition, OffsetAndTimestamp> earliest = consumer.offsetsForTimes(zero, Duration.ofSeconds(10));
    long needFrom = since.minus(AHEAD_ALLOWANCE).toEpochMilli();
    for (TopicPartition tp : partitions) {
      boolean truncated = beginnings.get(tp) > 0;
      OffsetAndTimestamp first = earliest.get(tp);
      if (truncated && (first == null || first.timestamp() > needFrom)) {
        return Optional.empty();
      }
    }
    Map<TopicPartition, Long> from = new HashMap<>();
    partitions.forEach(tp -> from.put(tp, needFrom));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(from, Duration.ofSeconds(10));
    Map<TopicPartition, Long> starts = new HashMap<>();
    for (TopicPartition tp : partitions) {
      OffsetAndTimestamp at = found.get(tp);
      starts.put(tp, at == null ? ends.get(tp) : at.offset());
    }
    return Optional.of(new KafkaReplaySource(consumer, partitions, starts, ends, account, since, before, stopping));
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public Optional<Long> total() {
    return Optional.of(partitions.stream().mapToLong(tp -> ends.get(tp) - starts.get(tp)).sum());
  }

  @Override
  public void read(Sink sink) throws Exception {
    byte[] key = account.getBytes(StandardCharsets.UTF_8);
    for (TopicPartition tp : partitions) {
      long end = ends.get(tp);
      if (starts.get(tp) >= end) {
        continue;
      }
      consumer.assign(List.of(tp));
      consumer.seek(tp, starts.get(tp));
      long position = starts.get(tp);
      while (position < end) {
        if (stopping.getAsBoolean()) {
          throw new InterruptedException("replay stopping");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.offset() >= end) {
            break;
          }
          position = r.offset() + 1;
          sink.accept(new ReplayRecord("p" + tp.partition(), r.offset(), r.timestamp(), inRange(r, key)));
        }
        position = Math.max(position, consumer.position(tp));
      }
    }
  }

  private AuditEvent inRange(ConsumerRecord<byte[], byte[]> r, byte[] key) {
    if (!Arrays.equals(r.key(), key)) {
      return null;
    }
    try {
      AuditEvent e = AuditEvent.parseFrom(r.value());
      long seconds = e.getAction().getOccurredAt().getSeconds();
      Instant at = Instant.ofEpochSecond(seconds, e.getAction().getOccurredAt().getNanos());
      return e.getAccountId().equals(account) && !at.isBefore(since) && at.isBefore(before) ? e : null;
    } catch (InvalidProtocolBufferException ex) {
      return null;
    }
  }
}
