package io.auditline.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Processes one batch polled by a {@link BatchConsumer}.
 *
 * <p>{@link #handle} returns only once its output is durable: the consumer commits the batch's
 * offsets right after it returns. A batch may be handed over again after a failure, a rebalance or
 * a crash, so the output must be idempotent.
 */
@FunctionalInterface
public interface BatchHandler<K, V> {

  /**
   * Handles every record of {@code records}; throwing an {@link Exception} makes the consumer retry
   * the same records after a backoff, throwing an {@link Error} kills the consumer thread.
   */
  void handle(ConsumerRecords<K, V> records) throws Exception;
}
