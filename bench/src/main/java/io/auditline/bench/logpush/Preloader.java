package io.auditline.bench.logpush;

import io.auditline.proto.v1.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Fills the topic with the backlog before anything is measured: {@code events} events of one
 * account, keyed by the account id as ingest keys them (so they all land in one partition), written
 * by a plain producer tuned for bulk: lz4, 20 ms linger, 512 KiB batches (under the broker's 1 MiB
 * message limit).
 */
final class Preloader {

  /**
   * @param ids the fingerprint of every id written
   * @param sample the first events, for the codec ceiling
   */
  record Result(long events, long valueBytes, IdSum ids, List<AuditEvent> sample, Duration elapsed) {
    double eventsPerSecond() {
      return events * 1e9 / elapsed.toNanos();
    }

    double meanBytes() {
      return (double) valueBytes / events;
    }
  }

  /** Events per ingest request in the model of trace headers: they share one produce span. */
  static final int EVENTS_PER_REQUEST = 100;

  private final String bootstrapServers;
  private final Supplier<AuditEvent> source;
  private final String topic;
  private final double sampleRatio;

  Preloader(String bootstrapServers, Supplier<AuditEvent> source) {
    this(bootstrapServers, source, LogpushEnvironment.TOPIC, -1);
  }

  /**
   * Loads {@code topic}; with {@code sampleRatio >= 0} every record carries a {@code traceparent} as
   * ingest writes it: one context per {@value #EVENTS_PER_REQUEST} events, sampled at that ratio.
   */
  Preloader(String bootstrapServers, Supplier<AuditEvent> source, String topic, double sampleRatio) {
    this.bootstrapServers = bootstrapServers;
    this.source = source;
    this.topic = topic;
    this.sampleRatio = sampleRatio;
  }

  Result load(long events, int sampleSize) {
    java.util.random.RandomGenerator random = new java.util.SplittableRandom(42);
    byte[] traceparent = null;
    byte[] key = LogpushEnvironment.ACCOUNT.getBytes(StandardCharsets.UTF_8);
    IdSum ids = new IdSum();
    List<AuditEvent> sample = new ArrayList<>(sampleSize);
    AtomicReference<Exception> failure = new AtomicReference<>();
    long bytes = 0;
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(bulkProps(bootstrapServers),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      for (long i = 0; i < events && failure.get() == null; i++) {
        AuditEvent event = source.get();
        if (sample.size() < sampleSize) {
          sample.add(event);
        }
        byte[] value = event.toByteArray();
        bytes += value.length;
        ids.add(event.getId());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key, value);
        if (sampleRatio >= 0) {
          if (i % EVENTS_PER_REQUEST == 0) {
            traceparent = "00-%016x%016x-%016x-%s".formatted(random.nextLong() | 1, random.nextLong(), random.nextLong() | 1,
                random.nextDouble() < sampleRatio ? "01" : "00").getBytes(StandardCharsets.US_ASCII);
          }
          record.headers().add("traceparent", traceparent);
        }
        producer.send(record, (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
      }
      producer.flush();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("pre-loading the topic failed", failure.get());
    }
    return new Result(events, bytes, ids, sample, Duration.ofNanos(System.nanoTime() - start));
  }

  static Map<String, Object> bulkProps(String bootstrapServers) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
    return props;
  }
}
