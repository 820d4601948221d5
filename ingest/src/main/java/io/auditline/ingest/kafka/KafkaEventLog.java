package io.auditline.ingest.kafka;

import com.google.protobuf.ByteString;
import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.ingest.pipeline.IngestTelemetry;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit events to Kafka with acks=all and an idempotent producer: key = account id, value =
 * the protobuf event, headers = producer identity, schema version, content type and trace context.
 * Security events go the same way to the security topic, keyed by zone id.
 */
public final class KafkaEventLog implements EventLog, SecurityEventLog, Component {

  /** Record header carrying the producer identity from the client certificate. */
  public static final String PRODUCER_HEADER = "auditline.producer";
  /** Record header carrying the event's schema version. */
  public static final String SCHEMA_VERSION_HEADER = "auditline.schema_version";
  /** Record header naming the value's encoding. */
  public static final String CONTENT_TYPE_HEADER = "content-type";

  static final byte[] CONTENT_TYPE =
      "application/x-protobuf; messageType=auditline.v1.AuditEvent".getBytes(StandardCharsets.UTF_8);
  static final byte[] SECURITY_CONTENT_TYPE =
      "application/x-protobuf; messageType=auditline.v1.SecurityEvent".getBytes(StandardCharsets.UTF_8);
  private static final Logger log = LoggerFactory.getLogger(KafkaEventLog.class);
  /**
   * Kafka waits this long to fill a batch. Short, because every RPC waits for its acknowledgement:
   * under load batches fill anyway while earlier requests are in flight.
   */
  public static final int LINGER_MS = 1;
  private static final byte[] SCHEMA_V1 = "1".getBytes(StandardCharsets.UTF_8);

  private final KafkaSettings settings;
  private final TextMapPropagator propagator;
  private final IngestTelemetry telemetry;
  private final Duration drainTimeout;
  private volatile Producer<byte[], byte[]> producer;

  public KafkaEventLog(
      KafkaSettings settings, TextMapPropagator propagator, IngestTelemetry telemetry, Duration drainTimeout) {
    this.settings = settings;
    this.propagator = propagator;
    this.telemetry = telemetry;
    this.drainTimeout = drainTimeout;
  }

  @Override
  public String name() {
    return "ingest-kafka-producer";
  }

  @Override
  public void start() {
    producer = new KafkaProducer<>(producerConfig(settings));
    log.atInfo()
        .addKeyValue("bootstrap", settings.bootstrapServers())
        .addKeyValue("topic", settings.topic())
        .addKeyValue("securityTopic", settings.securityTopic())
        .log("kafka producer started");
  }

  static Map<String, Object> producerConfig(KafkaSettings settings) {
    long timeoutMs = settings.produceTimeout().toMillis();
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "auditline-ingest");
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    config.putAll(settings.producerOverrides());
    // Durability and the bounded wait are not negotiable: set them last.
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeoutMs);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeoutMs - LINGER_MS));
    // send() blocks for metadata or buffer space: bound it by the same timeout.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return config;
  }

  @Override
  public EventLog.Appender appender(ProducerIdentity producerId, Context trace) {
    Producer<byte[], byte[]> p = producer;
    if (p == null) {
      return (event, encoded, done) -> done.accept(notRunning());
    }
    List<Header> shared = sharedHeaders(producerId, CONTENT_TYPE, trace);
    return (event, encoded, done) ->
        send(p, settings.topic(), event.getAccountId(), event.getSchemaVersion(), shared, encoded, done);
  }

  @Override
  public SecurityEventLog.Appender securityAppender(ProducerIdentity producerId, Context trace) {
    Producer<byte[], byte[]> p = producer;
    if (p == null) {
      return (event, encoded, done) -> done.accept(notRunning());
    }
    List<Header> shared = sharedHeaders(producerId, SECURITY_CONTENT_TYPE, trace);
    return (event, encoded, done) ->
        send(p, settings.securityTopic(), event.getZoneId(), event.getSchemaVersion(), shared, encoded, done);
  }

  private static IllegalStateException notRunning() {
    return new IllegalStateException("kafka producer is not running");
  }

  /**
   * Headers shared by every event of the request, encoded once. The trace context rides along only when
   * it is sampled: the consumers continue sampled traces only, and on the unsampled nine records in ten
   * (at the default ratio) the header cost a few percent of ingest's CPU per event in the batched
   * benchmark (Kafka encodes and compresses every record's headers) for nothing downstream.
   */
  private List<Header> sharedHeaders(ProducerIdentity producerId, byte[] contentType, Context trace) {
    List<Header> shared = new ArrayList<>(4);
    shared.add(new RecordHeader(PRODUCER_HEADER, producerId.value().getBytes(StandardCharsets.UTF_8)));
    shared.add(new RecordHeader(CONTENT_TYPE_HEADER, contentType));
    if (Span.fromContext(trace).getSpanContext().isSampled()) {
      propagator.inject(trace, shared, (carrier, key, value) -> carrier.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
    }
    return shared;
  }

  private void send(
      Producer<byte[], byte[]> p,
      String topic,
      String key,
      int schemaVersion,
      List<Header> shared,
      ByteString encoded,
      Consumer<Throwable> done) {
    Headers headers = new RecordHeaders(shared.toArray(new Header[0]));
    headers.add(SCHEMA_VERSION_HEADER, schemaVersion == 1 ? SCHEMA_V1 : Integer.toString(schemaVersion).getBytes(StandardCharsets.UTF_8));
    ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(topic, null, key.getBytes(StandardCharsets.UTF_8), encoded.toByteArray(), headers);
    long start = System.nanoTime();
    try {
      p.send(
          record,
          (metadata, error) -> {
            telemetry.produced(System.nanoTime() - start, error == null);
            done.accept(error);
          });
    } catch (RuntimeException e) { // metadata or buffer wait timed out, or the producer is closed
      telemetry.produced(System.nanoTime() - start, false);
      done.accept(e);
    }
  }

  @Override
  public Health check() {
    return producer == null ? Health.unhealthy("kafka producer not started") : Health.healthy();
  }

  @Override
  public boolean gatesReadiness() {
    return false; // reachability is judged by KafkaReachability; the producer itself is always "up"
  }

  @Override
  public void close() {
    Producer<byte[], byte[]> p = producer;
    producer = null;
    if (p != null) {
      // close() flushes what is buffered, so every acknowledged RPC stays acknowledged.
      p.close(drainTimeout);
      log.info("kafka producer closed");
    }
  }
}
