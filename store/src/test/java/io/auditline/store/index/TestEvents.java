package io.auditline.store.index;

import com.google.protobuf.Timestamp;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Valid audit events and the Kafka records ingest would write for them; tests change one field at a time. */
final class TestEvents {

  static final String PRODUCER = "billing";
  /** Not a protobuf: field 31 with the invalid wire type 7. */
  static final byte[] GARBAGE = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};

  private TestEvents() {}

  static AuditEvent.Builder valid(String account) {
    Instant now = Instant.now();
    return AuditEvent.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setAccountId(account)
        .setActor(
            Actor.newBuilder()
                .setType(ActorType.ACTOR_TYPE_USER)
                .setId("user-42")
                .setEmail("alice@example.com")
                .setIp("203.0.113.7")
                .setUserAgent("curl/8.5"))
        .setAction(
            Action.newBuilder()
                .setType("zone.settings.update")
                .setDescription("enabled always-use-https")
                .setResult(ActionResult.ACTION_RESULT_SUCCESS)
                .setOccurredAt(at(now)))
        .setResource(Resource.newBuilder().setType("zone.setting").setId("always_use_https").setProduct("ssl"))
        .setRequest(RequestContext.newBuilder().setRequestId("req-1").setMethod("PATCH").setStatusCode(200))
        .setZoneId("z1")
        .putMetadata("ticket", "CHG-1234")
        .setSchemaVersion(1);
  }

  static Timestamp at(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /** The record ingest writes: key = account, producer and schema headers. */
  static ProducerRecord<byte[], byte[]> record(String topic, AuditEvent event) {
    return raw(topic, event.getAccountId(), event.toByteArray());
  }

  static ProducerRecord<byte[], byte[]> raw(String topic, String key, byte[] value) {
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
    record.headers().add(EventMapper.PRODUCER_HEADER, PRODUCER.getBytes(StandardCharsets.UTF_8));
    record.headers().add("auditline.schema_version", "1".getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /** A consumed record as the indexer sees it, at partition 2, offset 17. */
  static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> sent) {
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(sent.topic(), 2, 17, sent.key(), sent.value());
    sent.headers().forEach(h -> record.headers().add(h));
    return record;
  }
}
