package io.auditline.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.postgres.SharedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** An evaluation that dies after its claim is run again once the claim is stale, and only then. */
class StaleClaimTakeoverIT {

  record Evaluation(String zoneId, Instant minute) {}

  @Test
  void anEvaluationThatDiedAfterItsClaimIsRunAgainOnceStale() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String topic = KafkaTestSupport.uniqueTopicName("security.events");
    KafkaTestSupport.createTopic(bootstrap, topic, 2);
    List<Evaluation> evaluations = new CopyOnWriteArrayList<>();
    List<Evaluation> failures = new CopyOnWriteArrayList<>();
    AtomicBoolean failNext = new AtomicBoolean(true);
    ZoneEvaluator evaluator = (zone, minute) -> {
      if (zone.equals("zone-00") && failNext.compareAndSet(true, false)) {
        failures.add(new Evaluation(zone, minute));
        throw new IllegalStateException("evaluator died mid-evaluation");
      }
      evaluations.add(new Evaluation(zone, minute));
    };
    SchedulerConfig config = new SchedulerConfig(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), topic,
        "detect-" + topic, "only", Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(3));
    try (DetectDb db = new DetectDb(SharedPostgres.newDatabase("detect_stale"));
        EvaluationScheduler scheduler = new EvaluationScheduler(config, db.dataSource, FixedZones.numbered(4), evaluator,
            SchedulerTelemetry.NONE, Clock.systemUTC())) {
      scheduler.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> !failures.isEmpty());
      Evaluation failed = failures.get(0);
      await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.contains(failed));

      // Zone-00 went on with later minutes meanwhile; the failed one came back only after the stale timeout.
      assertThat(evaluations.stream().filter(e -> e.zoneId().equals("zone-00") && e.minute().isAfter(failed.minute())))
          .isNotEmpty();
      assertThat(evaluations).doesNotHaveDuplicates();
      assertThat(db.queryLong("SELECT count(*) FROM detect_evaluations WHERE zone_id = 'zone-00' AND minute = ? AND done",
          failed.minute().atOffset(ZoneOffset.UTC))).isEqualTo(1);
    }
  }
}
