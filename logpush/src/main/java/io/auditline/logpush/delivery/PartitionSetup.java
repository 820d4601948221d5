package io.auditline.logpush.delivery;

import io.auditline.logpush.delivery.LeaseStore.Lease;
import io.auditline.logpush.delivery.PositionStore.Position;
import io.auditline.logpush.job.Job;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Assigns every partition of the topic to a job's consumer and seeks each to the job's stored
 * position. A partition the job has never seen starts at the first record appended at or after the
 * job's {@code start_at}, so events that arrived between the job's creation and its first run are
 * delivered too.
 */
final class PartitionSetup {

  private static final Duration TOPIC_WAIT = Duration.ofSeconds(2);

  private PartitionSetup() {}

  /** The starting positions by partition; empty when stopping before the topic existed. */
  static Map<Integer, Position> assign(Consumer<byte[], byte[]> consumer, String topic, Job job, Lease lease,
      PositionStore positions, BatchUploader.Pause pause) throws InterruptedException {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    while (infos == null || infos.isEmpty()) {
      // The ingest role creates the topic; until then there is nothing to deliver.
      if (!pause.await(TOPIC_WAIT)) {
        return Map.of();
      }
      infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    }
    List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    consumer.assign(partitions);
    Map<Integer, Position> stored = new HashMap<>(positions.load(job.id()));
    Map<TopicPartition, Long> wanted = new HashMap<>();
    for (TopicPartition tp : partitions) {
      if (!stored.containsKey(tp.partition())) {
        wanted.put(tp, job.startAt().toEpochMilli());
      }
    }
    if (!wanted.isEmpty()) {
      // Ends first: a partition with no record at or after start_at yet starts at its end as it was
      // before the search, so records appended while searching are delivered, not skipped.
      Map<TopicPartition, Long> ends = consumer.endOffsets(wanted.keySet(), Duration.ofSeconds(30));
      Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(wanted, Duration.ofSeconds(30));
      for (TopicPartition tp : wanted.keySet()) {
        OffsetAndTimestamp at = found.get(tp);
        long offset = at != null ? at.offset() : ends.get(tp);
        positions.initialize(lease, tp.partition(), offset);
      }
      stored = new HashMap<>(positions.load(job.id()));
    }
    Map<Integer, Position> start = new HashMap<>();
    for (TopicPartition tp : partitions) {
      Position p = stored.get(tp.partition());
      consumer.seek(tp, p.nextOffset());
      start.put(tp.partition(), p);
    }
    return start;
  }

  static Optional<Integer> partitionCount(Consumer<byte[], byte[]> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    return infos == null ? Optional.empty() : Optional.of(infos.size());
  }
}
