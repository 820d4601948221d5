package io.auditline.logpush.support;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Valid audit events and a producer that writes them the way ingest does (key = account). */
public final class Events {

  private Events() {}

  public static AuditEvent.Builder valid(String account) {
    Instant now = Instant.now();
    return AuditEvent.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setAccountId(account)
        .setActor(Actor.newBuilder().setType(ActorType.ACTOR_TYPE_USER).setId("user-42").setEmail("alice@example.com")
            .setIp("203.0.113.7").setUserAgent("curl/8.5"))
        .setAction(Action.newBuilder().setType("zone.settings.update").setDescription("enabled always-use-https")
            .setResult(ActionResult.ACTION_RESULT_SUCCESS).setOccurredAt(at(now)))
        .setResource(Resource.newBuilder().setType("zone.setting").setId("always_use_https").setProduct("ssl"))
        .setRequest(RequestContext.newBuilder().setRequestId("req-1").setMethod("PATCH").setStatusCode(200))
        .setZoneId("z1")
        .putMetadata("ticket", "CHG-1234")
        .setSchemaVersion(1);
  }

  public static Timestamp at(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  /** Writes {@code count} fresh events of {@code account} and returns their ids. */
  public static List<String> send(String bootstrap, String topic, String account, int count) {
    List<String> ids = new ArrayList<>();
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      for (int i = 0; i < count; i++) {
        AuditEvent event = valid(account).build();
        ids.add(event.getId());
        acks.add(producer.send(new ProducerRecord<>(topic, account.getBytes(StandardCharsets.UTF_8), event.toByteArray())));
      }
      producer.flush();
      // Every event is acknowledged, as ingest would make sure, or the test fails here and not later.
      for (Future<RecordMetadata> ack : acks) {
        ack.get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("an event was not acknowledged by Kafka", e);
    }
    return ids;
  }

  public static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.LINGER_MS_CONFIG, 5,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000), new ByteArraySerializer(), new ByteArraySerializer());
  }
}
