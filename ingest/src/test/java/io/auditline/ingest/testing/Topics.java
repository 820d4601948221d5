package io.auditline.ingest.testing;

import io.auditline.proto.v1.AuditEvent;
import io.auditline.testkit.kafka.KafkaTestSupport;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads back what ingest wrote. */
public final class Topics {

  private Topics() {}

  /** Every event on {@code topic}, in partition order, once at least {@code atLeast} are there. */
  public static List<ConsumerRecord<byte[], byte[]>> records(String bootstrap, String topic, int atLeast) {
    return KafkaTestSupport.readAll(bootstrap, topic, atLeast, Duration.ofSeconds(30));
  }

  public static AuditEvent event(ConsumerRecord<byte[], byte[]> record) {
    try {
      return AuditEvent.parseFrom(record.value());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError("record at offset " + record.offset() + " is not an AuditEvent", e);
    }
  }

  public static List<String> ids(List<ConsumerRecord<byte[], byte[]>> records) {
    return records.stream().map(r -> event(r).getId()).toList();
  }

  public static String header(ConsumerRecord<byte[], byte[]> record, String key) {
    var header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
