package io.auditline.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.platform.kafka.BatchConsumer;
import io.auditline.platform.kafka.BatchConsumerConfig;
import io.auditline.platform.kafka.BatchHandler;
import io.auditline.platform.kafka.BatchConsumerTelemetry;
import io.auditline.platform.kafka.MicrometerBatchConsumerTelemetry;
import io.auditline.platform.metrics.PipelineErrors.Stage;
import io.auditline.platform.kafka.RetryBackoff;
import io.auditline.platform.lifecycle.Health;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The platform's {@link BatchConsumer} against the real broker. It lives here because the platform
 * module cannot depend on the test kit (the test kit depends on the platform).
 */
class BatchConsumerIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void handsRecordsOverInBatchesAndCommitsOnlyAfterHandleReturns() throws Exception {
    TestKafka kafka = new TestKafka("batches", 2);
    List<String> sent = produce(kafka, 25);
    List<List<String>> batches = new CopyOnWriteArrayList<>();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BatchHandler<String, String> handler = records -> {
      entered.countDown();
      release.await();
      batches.add(values(records));
    };
    String group = "batches-" + kafka.topic;
    try (BatchConsumer<String, String> consumer = consumer(kafka, group, 10, handler)) {
      consumer.start();
      assertThat(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(kafka.committed(group)).isEmpty();

      release.countDown();
      await().atMost(WAIT).until(() -> kafka.committed(group).equals(kafka.endOffsets()));
    }
    assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 10));
    assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void retriesAFailingHandlerUntilItSucceedsAndSkipsNothing() throws Exception {
    TestKafka kafka = new TestKafka("retries", 2);
    List<String> sent = produce(kafka, 20);
    AtomicBoolean failing = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    List<String> handled = new CopyOnWriteArrayList<>();
    BatchHandler<String, String> handler = records -> {
      if (failing.get()) {
        failures.incrementAndGet();
        throw new IllegalStateException("database unavailable");
      }
      handled.addAll(values(records));
    };
    String group = "retries-" + kafka.topic;
    try (BatchConsumer<String, String> consumer = consumer(kafka, group, 7, handler)) {
      consumer.start();
      await().atMost(WAIT).until(() -> !consumer.check().isHealthy());
      assertThat(consumer.check())
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.type(Health.Unhealthy.class))
          .extracting(Health.Unhealthy::reason, org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith("batch handler failed ")
          .endsWith(" times in a row, last: java.lang.IllegalStateException: database unavailable");
      assertThat(failures).hasValueGreaterThanOrEqualTo(3);
      assertThat(consumer.liveness().isHealthy()).isTrue();
      assertThat(kafka.committed(group)).isEmpty();

      failing.set(false);
      await().atMost(WAIT).until(() -> kafka.committed(group).equals(kafka.endOffsets()));
      assertThat(consumer.check().isHealthy()).isTrue();
    }
    assertThat(handled).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void partitionsRevokedWhileRetryingGoToTheNewOwnerFromTheirLastCommit() throws Exception {
    TestKafka kafka = new TestKafka("revoked", 4);
    List<String> sent = produce(kafka, 40);
    AtomicBoolean firstFailing = new AtomicBoolean(true);
    List<String> handled = new CopyOnWriteArrayList<>();
    BatchHandler<String, String> first = records -> {
      if (firstFailing.get()) {
        throw new IllegalStateException("stuck");
      }
      handled.addAll(values(records));
    };
    BatchHandler<String, String> second = records -> handled.addAll(values(records));
    String group = "revoked-" + kafka.topic;
    try (BatchConsumer<String, String> a = consumer(kafka, group, 5, first)) {
      a.start();
      await().atMost(WAIT).until(() -> !a.check().isHealthy());
      try (BatchConsumer<String, String> b = consumer(kafka, group, 5, second)) {
        b.start();
        await().atMost(WAIT).until(() -> !handled.isEmpty());
        firstFailing.set(false);
        await().atMost(WAIT).until(() -> kafka.committed(group).equals(kafka.endOffsets()));
      }
    }
    assertThat(handled).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void anErrorInTheHandlerKillsTheThreadWithoutCommitAndARestartSeesTheRecordsAgain() throws Exception {
    TestKafka kafka = new TestKafka("crash", 1);
    List<String> sent = produce(kafka, 10);
    List<String> seenBeforeCrash = new CopyOnWriteArrayList<>();
    BatchHandler<String, String> crashing = records -> {
      seenBeforeCrash.addAll(values(records));
      throw new Error("simulated crash in the handler");
    };
    String group = "crash-" + kafka.topic;
    try (BatchConsumer<String, String> crashed = consumer(kafka, group, 100, crashing)) {
      crashed.start();
      await().atMost(WAIT).until(() -> !crashed.liveness().isHealthy());
      assertThat(crashed.liveness())
          .isEqualTo(Health.unhealthy("consumer thread died: java.lang.Error: simulated crash in the handler"));
      assertThat(crashed.check()).isEqualTo(crashed.liveness());
    }
    assertThat(seenBeforeCrash).isNotEmpty();
    assertThat(kafka.committed(group)).isEmpty();

    List<String> handledAfterRestart = new CopyOnWriteArrayList<>();
    try (BatchConsumer<String, String> restarted =
        consumer(kafka, group, 100, records -> handledAfterRestart.addAll(values(records)))) {
      restarted.start();
      await().atMost(WAIT).until(() -> kafka.committed(group).equals(kafka.endOffsets()));
    }
    assertThat(handledAfterRestart).containsExactlyInAnyOrderElementsOf(sent).containsAll(seenBeforeCrash);
  }

  @Test
  void reportsLagFromTheFirstUnhandledRecordInRecordsAndSeconds() throws Exception {
    TestKafka kafka = new TestKafka("lag", 1);
    long writtenAt = System.currentTimeMillis() - 60_000;
    kafka.produce(IntStream.range(0, 20)
        .mapToObj(i -> new ProducerRecord<>(kafka.topic, 0, writtenAt + i, ("k" + i).getBytes(StandardCharsets.UTF_8),
            ("v" + i).getBytes(StandardCharsets.UTF_8)))
        .toList());
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    BatchHandler<String, String> handler = records -> {
      entered.countDown();
      release.await();
    };
    String group = "lag-" + kafka.topic;
    MeterRegistry registry = new SimpleMeterRegistry();
    BatchConsumerTelemetry telemetry = MicrometerBatchConsumerTelemetry.forGroup(registry, Stage.INDEX, group);
    try (BatchConsumer<String, String> consumer = consumer(kafka, group, 5, handler, telemetry)) {
      consumer.start();
      assertThat(entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

      // The first batch (5 records) is in hand, not handled: all 20 are behind, the oldest written 60 s ago.
      assertThat(gauge(registry, "auditline.consumer.lag")).isEqualTo(20);
      assertThat(gauge(registry, "auditline.consumer.lag.seconds")).isBetween(60.0, 60.0 + WAIT.toSeconds());
      assertThat(gauge(registry, "auditline.consumer.assigned.partitions")).isEqualTo(1);

      release.countDown();
      await().atMost(WAIT).until(() -> kafka.committed(group).equals(kafka.endOffsets()));
      await().atMost(WAIT).until(() -> gauge(registry, "auditline.consumer.lag") == 0);
      assertThat(gauge(registry, "auditline.consumer.lag.seconds")).isZero();
    }
    assertThat(gauge(registry, "auditline.consumer.assigned.partitions")).isZero();
  }

  private static double gauge(MeterRegistry registry, String name) {
    return registry.get(name).gauge().value();
  }

  private static BatchConsumer<String, String> consumer(
      TestKafka kafka, String group, int maxPollRecords, BatchHandler<String, String> handler) {
    return consumer(kafka, group, maxPollRecords, handler, BatchConsumerTelemetry.noop());
  }

  private static BatchConsumer<String, String> consumer(
      TestKafka kafka, String group, int maxPollRecords, BatchHandler<String, String> handler, BatchConsumerTelemetry telemetry) {
    BatchConsumerConfig config =
        BatchConsumerConfig.defaults("test-consumer", kafka.bootstrap, group, List.of(kafka.topic))
            .withMaxPollRecords(maxPollRecords)
            .withRetry(new RetryBackoff(Duration.ofMillis(20), Duration.ofMillis(200)))
            .withProperties(Map.of("auto.offset.reset", "earliest"));
    return new BatchConsumer<>(config, new StringDeserializer(), new StringDeserializer(), handler, telemetry);
  }

  private static List<String> produce(TestKafka kafka, int count) throws Exception {
    List<String> values = IntStream.range(0, count).mapToObj(i -> "record-" + i).toList();
    kafka.produce(values.stream()
        .map(v -> new ProducerRecord<>(kafka.topic, v.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8)))
        .toList());
    return values;
  }

  private static List<String> values(org.apache.kafka.clients.consumer.ConsumerRecords<String, String> records) {
    List<String> values = new java.util.ArrayList<>();
    records.forEach(r -> values.add(r.value()));
    return values;
  }
}
