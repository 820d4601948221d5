package io.auditline.platform.kafka;

import java.util.Collection;
import org.apache.kafka.common.TopicPartition;

/** What a {@link BatchConsumer} reports about itself; labels are topics and partitions only. */
public interface BatchConsumerTelemetry {

  /** A batch of {@code records} was handled and its offsets committed after {@code nanos}. */
  void batchHandled(int records, long nanos);

  /** The handler threw for a batch; it will be retried. */
  void handlerFailed();

  /** {@code partition} is {@code records} behind its end offset after the last poll. */
  void lag(TopicPartition partition, long records);

  /** These partitions left this consumer; their lag is no longer reported here. */
  void partitionsReleased(Collection<TopicPartition> partitions);

  static BatchConsumerTelemetry noop() {
    return new BatchConsumerTelemetry() {
      @Override
      public void batchHandled(int records, long nanos) {}

      @Override
      public void handlerFailed() {}

      @Override
      public void lag(TopicPartition partition, long records) {}

      @Override
      public void partitionsReleased(Collection<TopicPartition> partitions) {}
    };
  }
}
