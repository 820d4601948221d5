package io.auditline.platform.kafka;

import java.util.Collection;
import java.util.OptionalLong;
import org.apache.kafka.common.TopicPartition;

/** What a {@link BatchConsumer} reports about itself; labels are topics and partitions only. */
public interface BatchConsumerTelemetry {

  /** A batch of {@code records} was handled and its offsets committed after {@code nanos}. */
  void batchHandled(int records, long nanos);

  /** The handler threw for a batch; it will be retried. */
  void handlerFailed();

  /**
   * Where this member stands on {@code partition}: {@code records} is the partition's end offset
   * (high watermark) minus the offset of the first record this member has not yet handled, and
   * {@code oldestUnhandledTimestampMs} the Kafka timestamp of that record when this member has
   * fetched it (empty when it has handled everything it fetched).
   */
  void lag(TopicPartition partition, long records, OptionalLong oldestUnhandledTimestampMs);

  /** This member now owns {@code partitions} partitions (0 after it left the group). */
  default void assigned(int partitions) {}

  /** These partitions left this consumer; their lag is no longer reported here. */
  void partitionsReleased(Collection<TopicPartition> partitions);

  static BatchConsumerTelemetry noop() {
    return new BatchConsumerTelemetry() {
      @Override
      public void batchHandled(int records, long nanos) {}

      @Override
      public void handlerFailed() {}

      @Override
      public void lag(TopicPartition partition, long records, OptionalLong oldestUnhandledTimestampMs) {}

      @Override
      public void partitionsReleased(Collection<TopicPartition> partitions) {}
    };
  }
}
