package io.auditline.detect.schedule;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A scheduler in a process of its own, for {@link ExactlyOnceSchedulingIT}: args are the JDBC URL,
 * user, password, Kafka bootstrap servers, topic, instance name and zone count. It runs with
 * one-second "minutes" until killed; its evaluator records (zone, minute, instance) in
 * {@code test_evaluations}, and it prints {@code tick done} after every tick.
 */
public final class SchedulerInstanceMain {

  private SchedulerInstanceMain() {}

  public static void main(String[] args) throws Exception {
    HikariDataSource dataSource = DetectDb.pool(args[0], args[1], args[2]);
    String instance = args[5];
    Map<String, Object> consumer = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[3],
        ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6_000, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
    SchedulerConfig config = new SchedulerConfig(consumer, args[4], "detect-" + args[4], instance, Duration.ofSeconds(1),
        Duration.ofSeconds(60), Duration.ofSeconds(5));
    ZoneEvaluator recording = (zone, minute) -> {
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps = c.prepareStatement("INSERT INTO test_evaluations (zone_id, minute, instance) VALUES (?, ?, ?)")) {
        ps.setString(1, zone);
        ps.setObject(2, minute.atOffset(ZoneOffset.UTC));
        ps.setString(3, instance);
        ps.executeUpdate();
      }
    };
    SchedulerTelemetry ticks = new SchedulerTelemetry() {
      @Override
      public void evaluated() {}

      @Override
      public void failed() {}

      @Override
      public void tickCompleted(Instant lastComplete) {
        System.out.println("tick done " + instance + " " + lastComplete);
      }
    };
    EvaluationScheduler scheduler = new EvaluationScheduler(config, dataSource, FixedZones.numbered(Integer.parseInt(args[6])),
        recording, ticks, Clock.systemUTC());
    scheduler.start();
    System.out.println("scheduler started " + instance);
    new CountDownLatch(1).await();
  }
}
