package io.auditline.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three schedulers in child JVMs share 60 zones on a 6-partition topic with one-second "minutes";
 * one is killed with SIGKILL while the others run on. Every zone is evaluated exactly once for every
 * minute, and the dead instance's zones are caught up by the survivors.
 */
class ExactlyOnceSchedulingIT {

  private static final int ZONES = 60;
  private static final Duration TICK = Duration.ofSeconds(1);

  @TempDir
  Path tmp;

  @Test
  void exactlyOnceEvaluationWithThreeInstancesAndOneKilledMidRun() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String topic = KafkaTestSupport.uniqueTopicName("security.events");
    KafkaTestSupport.createTopic(bootstrap, topic, 6);
    TestDatabase database = SharedPostgres.newDatabase("detect_schedule");
    List<Process> children = new ArrayList<>();
    try (DetectDb db = new DetectDb(database)) {
      db.execute("CREATE TABLE test_evaluations (zone_id text NOT NULL, minute timestamptz NOT NULL,"
          + " instance text NOT NULL, evaluated_at timestamptz NOT NULL DEFAULT clock_timestamp())");
      Map<String, Process> instances = new LinkedHashMap<>();
      for (String name : List.of("a", "b", "c")) {
        Process child = start(database, bootstrap, topic, name);
        children.add(child);
        instances.put(name, child);
      }
      // The checked range starts with the first minute that all three evaluated, each its share.
      OffsetDateTime allUp = await().atMost(Duration.ofSeconds(90)).until(() -> minuteEvaluatedByAllThree(db), m -> m != null);
      await().atMost(Duration.ofSeconds(30)).until(() -> latestMinute(db).isAfter(allUp.plusSeconds(3)));

      // Kill b just after one of its ticks: mid-run, and not inside an evaluation, whose repeat by
      // another instance after the stale timeout is by design (see the package documentation).
      long ticksOfB = ticks("b");
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> ticks("b") > ticksOfB);
      instances.get("b").destroyForcibly().waitFor();
      OffsetDateTime killed = (OffsetDateTime) db.query("SELECT max(minute) FROM test_evaluations WHERE instance = 'b'").get(0).get(0);
      List<Object> zonesOfB = db.query("SELECT zone_id FROM test_evaluations WHERE instance = 'b' AND minute = ?", killed)
          .stream().map(row -> row.get(0)).toList();

      // Run on well past the session timeout and the rebalance, until every zone reached the end.
      OffsetDateTime end = killed.plusSeconds(15);
      await().atMost(Duration.ofSeconds(90)).until(() ->
          db.queryLong("SELECT count(DISTINCT zone_id) FROM test_evaluations WHERE minute >= ?", end) == ZONES);
      for (Process child : children) {
        child.destroyForcibly().waitFor();
      }

      List<List<Object>> doubled = db.query("SELECT zone_id, minute, string_agg(instance, ',') FROM test_evaluations"
          + " GROUP BY zone_id, minute HAVING count(*) > 1");
      assertThat(doubled).as("(zone, minute, instances) evaluated more than once").isEmpty();
      List<List<Object>> missed = db.query("SELECT z.zone_id, m.minute FROM (SELECT DISTINCT zone_id FROM test_evaluations) z"
          + " CROSS JOIN generate_series(?::timestamptz, ?::timestamptz, interval '1 second') m(minute)"
          + " WHERE NOT EXISTS (SELECT 1 FROM test_evaluations e WHERE e.zone_id = z.zone_id AND e.minute = m.minute)"
          + " ORDER BY 2, 1", allUp, end);
      assertThat(missed).as("(zone, minute) never evaluated").isEmpty();
      assertThat(db.queryLong("SELECT count(DISTINCT zone_id) FROM test_evaluations")).isEqualTo(ZONES);
      assertThat(zonesOfB).isNotEmpty();
      assertThat(db.queryLong("SELECT count(DISTINCT zone_id) FROM test_evaluations WHERE instance <> 'b' AND minute > ?"
          + " AND zone_id = ANY(?::text[])", killed, zonesOfB.toArray(String[]::new))).isEqualTo(zonesOfB.size());
      assertThat(db.queryLong("SELECT count(*) FROM detect_evaluations WHERE NOT done AND minute <= ?", end)).isZero();

      long checked = db.queryLong("SELECT count(*) FROM test_evaluations WHERE minute BETWEEN ? AND ?", allUp, end);
      long caughtUp = db.queryLong("SELECT count(*) FROM test_evaluations WHERE instance <> 'b' AND minute > ?"
          + " AND zone_id = ANY(?::text[]) AND evaluated_at > minute + interval '3 seconds'", killed, zonesOfB.toArray(String[]::new));
      System.out.printf("detect schedule IT: range %s..%s, %d evaluations checked (%d zones), zones of b: %d,"
              + " late catch-up evaluations of b's zones: %d, per instance %s%n", allUp, end, checked, ZONES, zonesOfB.size(),
          caughtUp, db.query("SELECT instance, count(*) FROM test_evaluations GROUP BY 1 ORDER BY 1"));
      assertThat(caughtUp).as("minutes of b's zones made good after the session timeout").isPositive();
    } finally {
      for (Process child : children) {
        child.destroyForcibly().waitFor();
      }
    }
  }

  /** The latest minute for which every zone was evaluated and all three instances took part. */
  private static OffsetDateTime minuteEvaluatedByAllThree(DetectDb db) {
    List<List<Object>> rows = db.query("SELECT minute FROM test_evaluations GROUP BY minute"
        + " HAVING count(DISTINCT zone_id) = ? AND count(DISTINCT instance) = 3 ORDER BY minute LIMIT 1", ZONES);
    return rows.isEmpty() ? null : (OffsetDateTime) rows.get(0).get(0);
  }

  private static OffsetDateTime latestMinute(DetectDb db) {
    List<List<Object>> rows = db.query("SELECT max(minute) FROM test_evaluations");
    return rows.get(0).get(0) == null ? OffsetDateTime.MIN : (OffsetDateTime) rows.get(0).get(0);
  }

  private long ticks(String instance) throws IOException {
    return Files.readAllLines(log(instance)).stream().filter(l -> l.startsWith("tick done " + instance)).count();
  }

  private Path log(String instance) {
    return tmp.resolve("scheduler-" + instance + ".log");
  }

  private Process start(TestDatabase db, String bootstrap, String topic, String instance) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        SchedulerInstanceMain.class.getName(), db.jdbcUrl(), db.user(), db.password(), bootstrap, topic, instance,
        Integer.toString(ZONES))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log(instance).toFile())).start();
  }
}
