package io.auditline.detect.rollup;

import io.auditline.platform.kafka.BatchHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * Feeds polled security events into the rollups; idempotent, since {@link RollupStore} skips
 * records a previous transaction already counted, so a batch replayed after a crash adds nothing twice.
 */
public final class RollupHandler implements BatchHandler<byte[], byte[]> {

  private final ObservationDecoder decoder;
  private final RollupStore store;

  public RollupHandler(ObservationDecoder decoder, RollupStore store) {
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void handle(ConsumerRecords<byte[], byte[]> records) {
    List<Delivery> deliveries = new ArrayList<>(records.count());
    for (ConsumerRecord<byte[], byte[]> r : records) {
      deliveries.add(new Delivery(r.topic(), r.partition(), r.offset(), decoder.decode(r.key(), r.value())));
    }
    if (!deliveries.isEmpty()) {
      store.apply(deliveries);
    }
  }
}
