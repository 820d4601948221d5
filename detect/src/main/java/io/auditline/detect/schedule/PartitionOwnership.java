package io.auditline.detect.schedule;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member of the scheduler's consumer group that tracks the partitions the group gives it. It polls
 * only to stay in the group: its partitions are paused, so it fetches nothing (the rollup consumers
 * read the topic in their own group).
 */
final class PartitionOwnership implements ConsumerRebalanceListener {

  /** The partitions this instance owns and the topic's partition count (0 until first assigned). */
  record Owned(Set<Integer> partitions, int partitionCount) {
    Owned {
      partitions = Set.copyOf(partitions);
    }

    static final Owned NONE = new Owned(Set.of(), 0);
  }

  private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final String topic;
  private final String owner;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final AtomicReference<Owned> owned = new AtomicReference<>(Owned.NONE);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Throwable failure;

  PartitionOwnership(SchedulerConfig config) {
    Map<String, Object> props = new HashMap<>(config.consumer());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "detect-schedule-" + config.owner());
    this.topic = config.topic();
    this.owner = config.owner();
    this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = Thread.ofPlatform().name("detect-schedule-member").unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  Owned owned() {
    return owned.get();
  }

  /** Why the member stopped, or null while it runs. */
  Throwable failure() {
    return failure;
  }

  private void run() {
    try {
      consumer.subscribe(List.of(topic), this);
      while (running) {
        consumer.poll(POLL);
      }
    } catch (WakeupException e) {
      if (running) {
        failure = e;
      }
    } catch (Throwable t) {
      failure = t;
      log.atError().setMessage("detect schedule member failed").addKeyValue("owner", owner).setCause(t).log();
    } finally {
      owned.set(Owned.NONE);
      // Bounded: a join still pending (say, while the group waits out a crashed member's session)
      // would otherwise hold the shutdown for the client's default 30 s. Leaving is only a courtesy:
      // the claims keep evaluations exactly once while the group notices.
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
    }
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    consumer.pause(partitions);
    int count = consumer.partitionsFor(topic).size();
    Set<Integer> now = new TreeSet<>(owned.get().partitions());
    partitions.forEach(tp -> now.add(tp.partition()));
    change(new Owned(now, count));
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    remove(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    remove(partitions);
  }

  private void remove(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Owned before = owned.get();
    Set<Integer> now = new TreeSet<>(before.partitions());
    partitions.forEach(tp -> now.remove(tp.partition()));
    change(new Owned(now, before.partitionCount()));
  }

  private void change(Owned now) {
    Owned before = owned.getAndSet(now);
    if (!before.partitions().equals(now.partitions())) {
      log.atInfo().setMessage("detect partitions assigned").addKeyValue("owner", owner)
          .addKeyValue("partitions", new TreeSet<>(now.partitions())).addKeyValue("partition_count", now.partitionCount()).log();
    }
  }

  void close() throws InterruptedException {
    running = false;
    if (thread.getState() == Thread.State.NEW) {
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT)); // never started: the member thread never runs
      return;
    }
    consumer.wakeup();
    thread.join(TimeUnit.SECONDS.toMillis(30));
  }
}
