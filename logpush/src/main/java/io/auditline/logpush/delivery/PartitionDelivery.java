package io.auditline.logpush.delivery;

import io.auditline.logpush.delivery.LeaseStore.Lease;
import io.auditline.logpush.delivery.PositionStore.Position;
import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.job.Job;
import io.auditline.platform.tracing.RecordLinks;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop of one job: adds each record of the job's account to its partition's open batch
 * and flushes a batch when it reaches the record or byte limit, when it is older than the job's
 * interval (also when the stream went idle), or exactly at a recorded intent.
 *
 * <p>A flush records its intent {@code [first, last]}, uploads under a key made of the job, the
 * partition and the first offset, and only then advances the position: a crash at any point forms
 * the same batch again and rewrites the same object.
 */
final class PartitionDelivery {

  private static final Logger log = LoggerFactory.getLogger(PartitionDelivery.class);
  private static final Duration MAX_POLL = Duration.ofMillis(200);
  private static final Duration LAG_EVERY = Duration.ofSeconds(5);
  private static final Duration PARTITION_CHECK_EVERY = Duration.ofSeconds(30);
  /** The span of one flushed batch. */
  static final String SPAN = "logpush.batch";

  private final Job job;
  private final JobFormat format;
  private final KeyTemplate keys;
  private final BatchUploader uploader;
  private final DeliveryConfig config;
  private final Lease lease;
  private final LeaseStore leases;
  private final PositionStore positions;
  private final DeliveryTelemetry telemetry;
  private final Consumer<byte[], byte[]> consumer;
  private final JobWorker worker;
  private final byte[] account;
  private final Map<Integer, Position> next;
  private final Map<Integer, PartitionBatch> open = new HashMap<>();
  private final ParallelEncoder encoder;
  private final Tracer tracer;
  // Encoded (uncompressed) bytes per protobuf byte, learnt from the last batch, for the size limit.
  private volatile double expansion = 1.7;
  private final FlushPipeline pipeline;
  // The next offset the destination confirmed, per partition (the pipeline's thread writes it).
  private final Map<Integer, Long> delivered = new ConcurrentHashMap<>();
  // Batches cut but not yet confirmed by the destination, for freshness (removed by the pipeline's thread).
  private final Set<PartitionBatch> inFlight = ConcurrentHashMap.newKeySet();

  PartitionDelivery(Job job, JobFormat format, KeyTemplate keys, BatchUploader uploader, DeliveryConfig config, Lease lease,
      LeaseStore leases, PositionStore positions, DeliveryTelemetry telemetry, Consumer<byte[], byte[]> consumer,
      Map<Integer, Position> start, JobWorker worker, ParallelEncoder encoder, Tracer tracer) {
    this.encoder = encoder;
    this.tracer = tracer;
    this.job = job;
    this.format = format;
    this.keys = keys;
    this.uploader = uploader;
    this.config = config;
    this.lease = lease;
    this.leases = leases;
    this.positions = positions;
    this.telemetry = telemetry;
    this.consumer = consumer;
    this.worker = worker;
    this.account = job.accountId().getBytes(StandardCharsets.UTF_8);
    this.next = new HashMap<>(start);
    start.forEach((partition, position) -> delivered.put(partition, position.nextOffset()));
    this.pipeline = new FlushPipeline("logpush-flush-" + job.id().toString().substring(0, 8));
  }

  void run() throws InterruptedException {
    try {
      poll();
    } finally {
      // Queued flushes finish (or stop at their next retry wait) before the consumer closes.
      pipeline.close();
    }
    pipeline.rethrow();
  }

  private void poll() throws InterruptedException {
    long renewAt = System.nanoTime() + config.leaseTtl().dividedBy(3).toNanos();
    long lagAt = System.nanoTime();
    long partitionCheckAt = System.nanoTime() + PARTITION_CHECK_EVERY.toNanos();
    int partitions = next.size();
    while (!worker.stopping()) {
      pipeline.rethrow();
      long now = System.nanoTime();
      if (now >= renewAt) {
        renew();
        renewAt = now + config.leaseTtl().dividedBy(3).toNanos();
      }
      if (now >= lagAt) {
        reportLag();
        lagAt = now + LAG_EVERY.toNanos();
      }
      if (now >= partitionCheckAt) {
        partitionCheckAt = now + PARTITION_CHECK_EVERY.toNanos();
        if (PartitionSetup.partitionCount(consumer, config.topic()).orElse(partitions) != partitions) {
          log.atInfo().setMessage("partitions of the topic changed; reassigning").addKeyValue("job_id", job.id()).log();
          return;
        }
      }
      ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout());
      for (ConsumerRecord<byte[], byte[]> record : records) {
        add(record);
      }
      for (PartitionBatch batch : open.values().toArray(PartitionBatch[]::new)) {
        if (batch.intendedLast.isEmpty() && System.nanoTime() - batch.openedAtNanos >= job.limits().maxAge().toNanos()) {
          flush(batch);
        }
      }
    }
  }

  private void add(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
    int partition = record.partition();
    PartitionBatch batch = open.get(partition);
    if (batch != null && batch.intendedLast.isPresent() && record.offset() > batch.intendedLast.get()) {
      // A gap in the log ended the intended batch early: it ends where the intent said.
      flush(batch);
      batch = null;
    }
    if (batch == null) {
      Position position = next.get(partition);
      batch = new PartitionBatch(partition, position.nextOffset(), position.pendingLastOffset(), System.nanoTime());
      batch.firstRecordTime = Instant.ofEpochMilli(record.timestamp());
      open.put(partition, batch);
      if (position.pendingLastOffset().isPresent()) {
        log.atInfo().setMessage("re-forming a batch from its recorded intent").addKeyValue("job_id", job.id())
            .addKeyValue("partition", partition).addKeyValue("first_offset", position.nextOffset())
            .addKeyValue("last_offset", position.pendingLastOffset().get()).log();
      }
    }
    batch.lastOffset = record.offset();
    // Only the key is looked at here; parsing, filtering and encoding happen at the flush, in parallel.
    if (Arrays.equals(record.key(), account) && record.value() != null) {
      batch.values.add(record.value());
      batch.valueBytes += record.value().length;
      batch.links.add(record.headers());
    }
    if (batch.intendedLast.isPresent()) {
      if (batch.reachedIntent()) {
        flush(batch);
      }
    } else if (batch.values.size() >= job.limits().maxRecords() || batch.valueBytes * expansion >= job.limits().maxBytes()) {
      flush(batch);
    }
  }

  /** Cuts the batch here and hands it to the pipeline; the next batch of the partition starts after it. */
  private void flush(PartitionBatch batch) throws InterruptedException {
    open.remove(batch.partition);
    long last = batch.intendedLast.orElse(batch.lastOffset);
    next.put(batch.partition, new Position(last + 1, Optional.empty()));
    inFlight.add(batch);
    // Encoding starts now, on the pool, while earlier batches may still be uploading.
    pipeline.submit(pending -> deliver(batch, last, pending), () -> encoder.start(format, job.accountId(), batch.values));
  }

  /**
   * On the pipeline's thread: encode, record the intent, upload, then advance the stored position. A
   * batch that carries records is one {@value #SPAN} span, the child of its first sampled record and
   * linked to the others (up to {@value RecordLinks#DEFAULT_MAX}); each upload attempt is a child of it.
   */
  private void deliver(PartitionBatch batch, long last, ParallelEncoder.Pending pending) throws InterruptedException {
    if (batch.values.isEmpty()) {
      writeAndAdvance(batch, last, pending);
      return;
    }
    Span span = batch.links.start(tracer, SPAN);
    try (Scope ignored = span.makeCurrent()) {
      if (span.isRecording()) {
        span.setAttribute("auditline.job_id", job.id().toString());
        span.setAttribute("messaging.destination.partition.id", Integer.toString(batch.partition));
        span.setAttribute("auditline.first_offset", batch.firstOffset);
        span.setAttribute("auditline.last_offset", last);
        span.setAttribute("messaging.batch.message_count", batch.values.size());
      }
      writeAndAdvance(batch, last, pending);
    } catch (RuntimeException | InterruptedException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  private void writeAndAdvance(PartitionBatch batch, long last, ParallelEncoder.Pending pending) throws InterruptedException {
    JobFormat.Encoded encoded = pending.join();
    if (encoded.records() > 0 && batch.valueBytes > 0) {
      expansion = Math.max(0.1, (double) encoded.rawBytes() / batch.valueBytes);
    }
    if (encoded.records() > 0) {
      if (batch.intendedLast.isEmpty() && !positions.intend(lease, batch.partition, last)) {
        throw new JobWorker.LostLeaseException();
      }
      String key = ObjectKeys.key(keys, "", job.id(), batch.partition, batch.firstOffset, batch.firstRecordTime,
          encoded.extension());
      Upload upload = new Upload(key, encoded.body(), encoded.contentType(), encoded.contentEncoding(),
          ObjectKeys.idempotencyKey("", job.id(), batch.partition, batch.firstOffset));
      uploader.deliver(upload, encoded, BatchOrigin.kafka(batch.partition, batch.firstOffset, last), this::pauseRenewing);
    }
    if (!positions.advance(lease, batch.partition, last + 1)) {
      throw new JobWorker.LostLeaseException();
    }
    delivered.put(batch.partition, last + 1);
    inFlight.remove(batch);
  }

  /** Waits between upload attempts while keeping the lease. */
  private boolean pauseRenewing(Duration delay) throws InterruptedException {
    long end = System.nanoTime() + delay.toNanos();
    Duration step = config.leaseTtl().dividedBy(3);
    while (true) {
      renew();
      long left = end - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      if (!worker.pause(Duration.ofNanos(Math.min(left, step.toNanos())))) {
        return false;
      }
    }
  }

  private void renew() {
    if (!leases.renew(lease, config.leaseTtl())) {
      throw new JobWorker.LostLeaseException();
    }
  }

  private Duration pollTimeout() {
    long soonest = MAX_POLL.toNanos();
    for (PartitionBatch batch : open.values()) {
      long due = batch.openedAtNanos + job.limits().maxAge().toNanos() - System.nanoTime();
      soonest = Math.min(soonest, Math.max(0, due));
    }
    return Duration.ofNanos(soonest);
  }

  private void reportLag() {
    Map<TopicPartition, Long> ends = consumer.endOffsets(
        next.keySet().stream().map(p -> new TopicPartition(config.topic(), p)).toList(), Duration.ofSeconds(5));
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      long partitionLag = Math.max(0, e.getValue() - delivered.get(e.getKey().partition()));
      lag += partitionLag;
      positions.lag(job.id(), e.getKey().partition(), partitionLag);
    }
    // Uploads in flight count too: during an outage they are the oldest undelivered events.
    Optional<Instant> oldest = Stream.concat(open.values().stream(), inFlight.stream())
        .map(b -> b.firstRecordTime).min(Instant::compareTo);
    telemetry.lag(job.id(), lag, oldest);
  }

}
