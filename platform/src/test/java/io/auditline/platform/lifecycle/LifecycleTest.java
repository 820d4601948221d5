package io.auditline.platform.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  final List<String> journal = new CopyOnWriteArrayList<>();
  final FakeComponent kafka = new FakeComponent("kafka", journal);
  final FakeComponent grpc = new FakeComponent("grpc", journal);
  final FakeComponent consumer = new FakeComponent("consumer", journal);

  @Test
  void startsInOrderAndClosesInReverse() {
    Lifecycle lifecycle = new Lifecycle(List.of(kafka, grpc, consumer));

    lifecycle.start();
    lifecycle.close();

    assertThat(journal).containsExactly(
        "start kafka", "start grpc", "start consumer", "close consumer", "close grpc", "close kafka");
    assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.STOPPED);
  }

  @Test
  void failedStartClosesStartedComponentsInReverseAndNamesTheFailure() {
    grpc.failStart = true;
    Lifecycle lifecycle = new Lifecycle(List.of(kafka, grpc, consumer));

    assertThatThrownBy(lifecycle::start)
        .isInstanceOf(LifecycleException.class)
        .hasMessageContaining("component 'grpc' failed to start")
        .hasRootCauseMessage("grpc cannot bind");
    assertThat(journal).containsExactly("start kafka", "start grpc", "close grpc", "close kafka");
    assertThat(lifecycle.liveness().ok()).isFalse();
    assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.FAILED);
  }

  @Test
  void closesOnceAndContinuesPastFailures() {
    grpc.failClose = true;
    Lifecycle lifecycle = new Lifecycle(List.of(kafka, grpc, consumer));
    lifecycle.start();

    lifecycle.close();
    lifecycle.close();

    assertThat(journal).containsExactly(
        "start kafka", "start grpc", "start consumer", "close consumer", "close grpc", "close kafka");
  }

  @Test
  void readyOnlyWhileRunningAndGatingComponentsAreHealthy() {
    consumer.gates = false;
    Lifecycle lifecycle = new Lifecycle(List.of(kafka, grpc, consumer));
    assertThat(lifecycle.readiness().ok()).isFalse();

    lifecycle.start();
    assertThat(lifecycle.readiness().ok()).isTrue();

    consumer.health = Health.unhealthy("lagging");
    assertThat(lifecycle.readiness().ok()).as("non-gating component").isTrue();
    assertThat(lifecycle.readiness().components()).containsEntry("consumer", Health.unhealthy("lagging"));

    kafka.health = Health.unhealthy("broker unreachable");
    assertThat(lifecycle.readiness().ok()).isFalse();
    assertThat(lifecycle.liveness().ok()).as("an outage is not a reason to restart").isTrue();

    kafka.health = Health.healthy();
    lifecycle.close();
    assertThat(lifecycle.readiness().ok()).isFalse();
    assertThat(lifecycle.readiness().state()).isEqualTo("STOPPED");
  }

  @Test
  void deadWorkerFailsLiveness() {
    Lifecycle lifecycle = new Lifecycle(List.of(kafka, consumer));
    lifecycle.start();

    consumer.liveness = Health.unhealthy("poll thread died");

    assertThat(lifecycle.liveness().ok()).isFalse();
    assertThat(lifecycle.liveness().components()).containsEntry("consumer", Health.unhealthy("poll thread died"));
  }

  @Test
  void throwingCheckCountsAsUnhealthy() {
    Component broken = new Component() {
      @Override public String name() { return "broken"; }
      @Override public void start() {}
      @Override public Health check() { throw new IllegalStateException("npe-ish"); }
      @Override public void close() {}
    };
    Lifecycle lifecycle = new Lifecycle(List.of(broken));
    lifecycle.start();

    assertThat(lifecycle.readiness().ok()).isFalse();
    assertThat(lifecycle.readiness().components().get("broken"))
        .isInstanceOfSatisfying(Health.Unhealthy.class, u -> assertThat(u.reason()).contains("npe-ish"));
  }

  @Test
  void builderHandsTheLifecycleToObservingComponents() {
    List<HealthSource> seen = new CopyOnWriteArrayList<>();
    Lifecycle lifecycle = Lifecycle.builder()
        .add(health -> {
          seen.add(health);
          return new FakeComponent("admin", journal);
        })
        .add(kafka)
        .build();
    lifecycle.start();

    kafka.health = Health.unhealthy("down");

    assertThat(seen.getFirst().readiness().ok()).isFalse();
    assertThat(seen.getFirst().readiness().components()).containsKeys("admin", "kafka");
  }

  @Test
  void rejectsDuplicateNamesAndSecondStart() {
    assertThatThrownBy(() -> new Lifecycle(List.of(kafka, new FakeComponent("kafka", journal))))
        .hasMessageContaining("duplicate name 'kafka'");
    Lifecycle lifecycle = new Lifecycle(List.of(kafka));
    lifecycle.start();
    assertThatThrownBy(lifecycle::start).hasMessageContaining("state: RUNNING (expected: NEW)");
  }

  @Test
  void stopDrainsInReverseOrderWithinTheDeadline() {
    Lifecycle lifecycle = new Lifecycle(List.of(kafka, grpc, consumer));
    lifecycle.start();

    assertThat(lifecycle.stop(Duration.ofSeconds(10))).isTrue();

    assertThat(journal).endsWith("close consumer", "close grpc", "close kafka");
    assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.STOPPED);
  }

  @Test
  void stopGivesUpAtTheDeadlineWhileAComponentHangs() {
    grpc.closeGate = new CountDownLatch(1);
    Lifecycle lifecycle = new Lifecycle(List.of(kafka, grpc, consumer));
    lifecycle.start();

    assertThat(lifecycle.stop(Duration.ofMillis(200))).isFalse();
    assertThat(journal).endsWith("close consumer", "close grpc");
    assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.STOPPING);

    grpc.closeGate.countDown();
    lifecycle.awaitClosed();
    assertThat(journal).endsWith("close kafka");
  }

  @Test
  void stopDuringAStartThatWaitsInterruptsItAndClosesWhatStarted() throws Exception {
    grpc.startGate = new CountDownLatch(1); // e.g. waiting for Kafka to come up
    Lifecycle lifecycle = new Lifecycle(List.of(kafka, grpc, consumer));
    Thread starter = new Thread(() -> assertThatThrownBy(lifecycle::start).isInstanceOf(LifecycleException.class));
    starter.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> journal.contains("start grpc"));

    assertThat(lifecycle.stop(Duration.ofSeconds(10))).isTrue();
    starter.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(journal).containsExactly("start kafka", "start grpc", "close grpc", "close kafka");
    assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.FAILED);
  }
}
