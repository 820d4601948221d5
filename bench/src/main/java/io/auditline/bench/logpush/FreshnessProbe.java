package io.auditline.bench.logpush;

import io.auditline.ingest.kafka.KafkaEventLog;
import io.auditline.proto.v1.AuditEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Freshness under a steady trickle: events are produced at a fixed rate with ingest's own producer
 * settings, each event's acknowledgement time (the moment ingest would acknowledge it) is kept by id,
 * and the bucket is listed every {@code pollEvery}; when an object first shows up, every event in it
 * is visible at the time of that listing. Latency = visible - acknowledged, so it includes up to one
 * poll interval of the probe's own granularity.
 */
final class FreshnessProbe {

  /** @param latencyMicros acknowledgement to visibility, per event found */
  record Result(long produced, long found, int objects, Histogram latencyMicros, double rate, Duration produceFor) {
    double ms(double percentile) {
      return Math.round(latencyMicros.getValueAtPercentile(percentile) / 10.0) / 100.0;
    }
  }

  /** Ingest's producer settings (KafkaEventLog), so the acknowledgement is the one ingest waits for. */
  static final Map<String, Object> INGEST_PRODUCER_PROPS = Map.of(
      ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
      ProducerConfig.LINGER_MS_CONFIG, KafkaEventLog.LINGER_MS, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
      ProducerConfig.BATCH_SIZE_CONFIG, 262_144, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);

  private final String bootstrapServers;
  private final Supplier<AuditEvent> events;
  private final BucketReader bucket;
  private final Duration pollEvery;

  FreshnessProbe(String bootstrapServers, Supplier<AuditEvent> events, BucketReader bucket, Duration pollEvery) {
    this.bootstrapServers = bootstrapServers;
    this.events = events;
    this.bucket = bucket;
    this.pollEvery = pollEvery;
  }

  /** Produces {@code rate} events/s for {@code duration}, then waits up to {@code grace} for the last to show up. */
  Result run(double rate, Duration duration, Duration grace) throws Exception {
    Set<String> seen = new HashSet<>();
    bucket.list().forEach(o -> seen.add(o.key()));
    Map<String, Long> acked = new ConcurrentHashMap<>();
    Map<String, Long> visible = new HashMap<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long[] produced = {0};
    Thread producer = Thread.ofPlatform().name("freshness-producer").start(() -> produce(rate, duration, acked, produced, failure));
    int objects = 0;
    long deadline = Long.MAX_VALUE;
    while (true) {
      long next = System.nanoTime() + pollEvery.toNanos();
      var listed = bucket.list();
      long now = System.nanoTime();
      for (S3Object object : listed) {
        if (seen.add(object.key())) {
          objects++;
          bucket.ids(object.key(), id -> visible.putIfAbsent(id, now));
        }
      }
      if (failure.get() != null) {
        throw new IllegalStateException("the freshness producer failed", failure.get());
      }
      if (!producer.isAlive()) {
        deadline = Math.min(deadline, now + grace.toNanos());
        if (visible.keySet().containsAll(acked.keySet()) || now > deadline) {
          break;
        }
      }
      Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
    }
    Histogram latency = new Histogram(Duration.ofHours(1).toNanos() / 1000, 3);
    long found = 0;
    for (Map.Entry<String, Long> e : acked.entrySet()) {
      Long at = visible.get(e.getKey());
      if (at != null) {
        found++;
        latency.recordValue(Math.max(0, (at - e.getValue()) / 1000));
      }
    }
    return new Result(produced[0], found, objects, latency, rate, duration);
  }

  private void produce(double rate, Duration duration, Map<String, Long> acked, long[] produced,
      AtomicReference<Exception> failure) {
    Map<String, Object> props = new HashMap<>(INGEST_PRODUCER_PROPS);
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    byte[] key = LogpushEnvironment.ACCOUNT.getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> kafka = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      long start = System.nanoTime();
      long count = 0;
      while (failure.get() == null) {
        long elapsed = System.nanoTime() - start;
        if (elapsed >= duration.toNanos()) {
          break;
        }
        // Open loop on a fixed schedule: catch up to where the rate says we should be, then nap 1 ms.
        long due = (long) (elapsed / 1e9 * rate);
        for (; count < due; count++) {
          AuditEvent event = events.get();
          String id = event.getId();
          kafka.send(new ProducerRecord<>(LogpushEnvironment.TOPIC, key, event.toByteArray()), (metadata, e) -> {
            if (e != null) {
              failure.compareAndSet(null, e);
            } else {
              acked.put(id, System.nanoTime());
            }
          });
        }
        Thread.sleep(1);
      }
      kafka.flush();
      produced[0] = count;
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }
}
