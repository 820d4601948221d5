package io.auditline.platform.kafka;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer-group member that hands polled records to a {@link BatchHandler} in batches and
 * commits each batch's offsets only after the handler returned, on one thread of its own.
 *
 * <p>A failing batch is never skipped: every partition is rewound to the batch's first offset and
 * polled again after a capped exponential backoff, which keeps the member in its group, so
 * partitions revoked meanwhile go to another member from their last committed offset. Offsets are
 * only ever committed for partitions this member still owns. An {@link Error} from the handler, or
 * an unexpected failure of the consumer itself, ends the thread without committing; {@link
 * #liveness()} and {@link #check()} then report it.
 */
public final class BatchConsumer<K, V> implements Component {

  private static final Logger log = LoggerFactory.getLogger(BatchConsumer.class);
  private static final int FAILURES_BEFORE_UNHEALTHY = 3;
  // Commits are done before close; what close still waits for is leaving the group. A member whose
  // join is still pending (just started, or a peer crashed) would otherwise hold the drain for long.
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final BatchConsumerConfig config;
  private final Deserializer<K> keys;
  private final Deserializer<V> values;
  private final BatchHandler<K, V> handler;
  private final BatchConsumerTelemetry telemetry;
  private final CountDownLatch stopSignal = new CountDownLatch(1);
  private final CountDownLatch exited = new CountDownLatch(1);
  // Offsets of handled batches whose commit failed; touched only by the consumer thread.
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
  // Kafka timestamp of the first fetched record not yet handled, per partition; consumer thread only.
  private final Map<TopicPartition, Long> oldestUnhandled = new HashMap<>();

  private volatile Consumer<K, V> consumer;
  private volatile Thread thread;
  private volatile boolean stopping;
  private volatile String deathReason;
  private volatile int consecutiveFailures;
  private volatile String lastFailure;

  public BatchConsumer(
      BatchConsumerConfig config,
      Deserializer<K> keys,
      Deserializer<V> values,
      BatchHandler<K, V> handler,
      BatchConsumerTelemetry telemetry) {
    this.config = Objects.requireNonNull(config, "config");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.values = Objects.requireNonNull(values, "values");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
  }

  @Override
  public String name() {
    return config.name();
  }

  /** The Kafka consumer properties this consumer runs with. */
  static Map<String, Object> consumerProperties(BatchConsumerConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "auditline-" + config.name());
    props.putAll(config.properties());
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
    // Offsets move only when a handler has made its batch durable.
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("consumer '%s' already started".formatted(name()));
    }
    Consumer<K, V> created = new KafkaConsumer<>(consumerProperties(config), keys, values);
    try {
      created.subscribe(config.topics(), new Rebalances());
    } catch (RuntimeException e) {
      created.close(CloseOptions.timeout(CLOSE_TIMEOUT));
      throw e;
    }
    consumer = created;
    Thread worker = new Thread(this::run, name());
    thread = worker;
    worker.start();
    log.atInfo()
        .addKeyValue("component", name())
        .addKeyValue("group", config.groupId())
        .addKeyValue("topics", config.topics())
        .log("batch consumer started");
  }

  @Override
  public Health check() {
    if (thread == null) {
      return Health.unhealthy("not started");
    }
    String dead = deathReason;
    if (dead != null) {
      return Health.unhealthy(dead);
    }
    if (stopping) {
      return Health.unhealthy("closed");
    }
    int failures = consecutiveFailures;
    if (failures >= FAILURES_BEFORE_UNHEALTHY) {
      return Health.unhealthy("batch handler failed %d times in a row, last: %s".formatted(failures, lastFailure));
    }
    return Health.healthy();
  }

  @Override
  public Health liveness() {
    String dead = deathReason;
    return dead == null ? Health.healthy() : Health.unhealthy(dead);
  }

  /**
   * Stops polling, waits up to the drain timeout for the batch in flight to be handled and
   * committed, then closes the consumer; a batch still running after that is interrupted and left
   * uncommitted, so the group hands it out again.
   */
  @Override
  public void close() {
    stopping = true;
    stopSignal.countDown();
    Thread worker = thread;
    if (worker == null) {
      return;
    }
    try {
      long waitMs = config.drainTimeout().plus(config.pollTimeout()).toMillis();
      if (!exited.await(waitMs, TimeUnit.MILLISECONDS)) {
        log.atWarn()
            .addKeyValue("component", name())
            .addKeyValue("drain_timeout_ms", config.drainTimeout().toMillis())
            .log("batch still in flight after the drain timeout; abandoning it uncommitted");
        worker.interrupt();
        consumer.wakeup();
        exited.await(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      // The caller gives up waiting; the worker still stops on its own and closes the consumer.
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    Consumer<K, V> kafka = consumer;
    try {
      while (!stopping) {
        ConsumerRecords<K, V> records = kafka.poll(config.pollTimeout());
        for (TopicPartition partition : records.partitions()) {
          oldestUnhandled.put(partition, records.records(partition).get(0).timestamp());
        }
        reportLag(kafka, records);
        if (records.isEmpty() || stopping) {
          continue;
        }
        long t0 = System.nanoTime();
        if (handle(kafka, records)) {
          commit(kafka, records);
          telemetry.batchHandled(records.count(), System.nanoTime() - t0);
          oldestUnhandled.keySet().removeAll(records.partitions());
          reportLag(kafka, ConsumerRecords.empty());
        }
      }
      commitUncommitted(kafka);
    } catch (WakeupException | InterruptException e) {
      if (!stopping) {
        die(e);
      }
    } catch (Throwable t) {
      die(t);
    } finally {
      try {
        // Auto commit is off, so closing commits nothing a handler has not finished.
        kafka.close(CloseOptions.timeout(CLOSE_TIMEOUT));
      } catch (RuntimeException e) {
        log.atWarn().addKeyValue("component", name()).setCause(e).log("closing the Kafka consumer failed");
      }
      // Gone from the group: alerts on a group without members must see it.
      telemetry.assigned(0);
      exited.countDown();
      log.atInfo().addKeyValue("component", name()).log("batch consumer stopped");
    }
  }

  /** Hands the batch over; on an exception rewinds to the batch's start and waits out the backoff. */
  private boolean handle(Consumer<K, V> kafka, ConsumerRecords<K, V> records) {
    try {
      handler.handle(records);
      consecutiveFailures = 0;
      lastFailure = null;
      return true;
    } catch (Exception e) {
      int failures = consecutiveFailures + 1;
      consecutiveFailures = failures;
      lastFailure = e.toString();
      telemetry.handlerFailed();
      rewind(kafka, records);
      Duration backoff = config.retry().delay(failures);
      log.atWarn()
          .addKeyValue("component", name())
          .addKeyValue("attempt", failures)
          .addKeyValue("records", records.count())
          .addKeyValue("partitions", records.partitions().size())
          .addKeyValue("backoff_ms", backoff.toMillis())
          .addKeyValue("stopping", stopping)
          .setCause(e)
          .log("batch handler failed; retrying the same records");
      awaitStop(backoff);
      return false;
    }
  }

  private static <K, V> void rewind(Consumer<K, V> kafka, ConsumerRecords<K, V> records) {
    for (TopicPartition partition : records.partitions()) {
      kafka.seek(partition, records.records(partition).get(0).offset());
    }
  }

  private void commit(Consumer<K, V> kafka, ConsumerRecords<K, V> records) {
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<K, V>> inPartition = records.records(partition);
      ConsumerRecord<K, V> last = inPartition.get(inPartition.size() - 1);
      uncommitted.put(partition, new OffsetAndMetadata(last.offset() + 1, last.leaderEpoch(), ""));
    }
    commitUncommitted(kafka);
  }

  private void commitUncommitted(Consumer<K, V> kafka) {
    uncommitted.keySet().retainAll(kafka.assignment());
    if (uncommitted.isEmpty()) {
      return;
    }
    try {
      kafka.commitSync(uncommitted);
      uncommitted.clear();
    } catch (CommitFailedException | RebalanceInProgressException | RetriableException e) {
      // The batch is durable; whoever owns these partitions next may see it again (idempotent),
      // and while this member keeps them the offsets ride along with the next commit.
      log.atWarn()
          .addKeyValue("component", name())
          .addKeyValue("partitions", uncommitted.size())
          .setCause(e)
          .log("offset commit failed; the records may be handled again");
    }
  }

  /**
   * Reports each owned partition's lag counted from the first record not yet handled: Kafka's lag
   * starts at the position, which is already past the records in hand ({@code inHand}).
   */
  private void reportLag(Consumer<K, V> kafka, ConsumerRecords<K, V> inHand) {
    Collection<TopicPartition> owned = kafka.assignment();
    telemetry.assigned(owned.size());
    for (TopicPartition partition : owned) {
      Long oldest = oldestUnhandled.get(partition);
      kafka.currentLag(partition).ifPresent(lag -> telemetry.lag(partition, lag + inHand.records(partition).size(),
          oldest == null ? OptionalLong.empty() : OptionalLong.of(oldest)));
    }
  }

  private void awaitStop(Duration timeout) {
    try {
      stopSignal.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptException(e);
    }
  }

  private void die(Throwable cause) {
    deathReason = "consumer thread died: " + cause;
    log.atError()
        .addKeyValue("component", name())
        .addKeyValue("group", config.groupId())
        .setCause(cause)
        .log("batch consumer thread died; nothing more is consumed until restart");
  }

  // Runs on the consumer thread inside poll(), never while a batch is being handled.
  private final class Rebalances implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      Map<TopicPartition, OffsetAndMetadata> leaving = new HashMap<>();
      for (TopicPartition partition : partitions) {
        OffsetAndMetadata offset = uncommitted.remove(partition);
        if (offset != null) {
          leaving.put(partition, offset);
        }
      }
      if (!leaving.isEmpty()) {
        try {
          consumer.commitSync(leaving);
        } catch (KafkaException e) {
          log.atWarn().addKeyValue("component", name()).setCause(e).log("commit on revocation failed");
        }
      }
      released(partitions, "revoked");
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      // Another member may own them already: committing now could move its offsets.
      uncommitted.keySet().removeAll(partitions);
      released(partitions, "lost");
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        log.atInfo()
            .addKeyValue("component", name())
            .addKeyValue("partitions", partitions.toString())
            .log("partitions assigned");
      }
    }

    private void released(Collection<TopicPartition> partitions, String how) {
      oldestUnhandled.keySet().removeAll(partitions);
      telemetry.partitionsReleased(partitions);
      if (!partitions.isEmpty()) {
        log.atInfo()
            .addKeyValue("component", name())
            .addKeyValue("partitions", partitions.toString())
            .log("partitions " + how);
      }
    }
  }
}
