package io.auditline.logpush.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.logpush.job.BatchLimits;
import io.auditline.logpush.support.Events;
import io.auditline.logpush.support.LogpushDb;
import io.auditline.logpush.support.Ndjson;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once content under crashes: a delivery worker in a child process is killed with SIGKILL
 * at random moments while events stream in and batches upload, and restarted, many times; in the
 * end the destination holds every event exactly once.
 */
class CrashRecoveryIT {

  private static final int KILLS = 8;
  private static final int EVENTS = 3_000;

  @TempDir
  Path tmp;

  @Test
  void killedWorkersLeaveEveryEventExactlyOnceInTheDestination() throws Exception {
    String bootstrap = SharedKafka.bootstrapServers();
    String topic = KafkaTestSupport.uniqueTopicName("crash");
    KafkaTestSupport.createTopic(bootstrap, topic, 3);
    TestDatabase database = SharedPostgres.newDatabase("logpush_crash");
    Path root = tmp.resolve("bucket");
    try (LogpushDb db = new LogpushDb(database)) {
      db.insertJob("acct-1", "crash", "file://" + root + "/{DATE}", new BatchLimits(Duration.ofSeconds(1), 40, 1_000_000),
          Instant.now().minusSeconds(5));
      List<String> sent = Collections.synchronizedList(new ArrayList<>());
      CompletableFuture<Void> producing = CompletableFuture.runAsync(() -> {
        // Spread over the whole run of kills, so that every worker finds new events to deliver.
        for (int i = 0; i < EVENTS / 100; i++) {
          sent.addAll(Events.send(bootstrap, topic, "acct-1", 100));
          LockSupport.parkNanos(Duration.ofMillis(600).toNanos());
        }
      });
      Random random = new Random(42);
      Path log = tmp.resolve("worker.log");
      for (int kill = 0; kill < KILLS; kill++) {
        Process worker = start(database, bootstrap, topic, "worker-" + kill, log);
        int started = kill + 1;
        // Once the worker holds the job's lease and delivers, kill it at a random point of its work.
        await().atMost(Duration.ofSeconds(60)).until(() -> starts(log) >= started);
        Thread.sleep(1_500 + random.nextInt(2_500)); // a random kill point, not a wait for a condition
        worker.destroyForcibly().waitFor();
      }
      producing.join();
      Process last = start(database, bootstrap, topic, "worker-last", log);
      try {
        // The worker renames temp files while the directory is walked; such a walk is simply repeated.
        await().atMost(Duration.ofMinutes(2)).ignoreExceptionsInstanceOf(UncheckedIOException.class).untilAsserted(() ->
            assertThat(delivered(root)).hasSameSizeAs(sent).containsExactlyInAnyOrderElementsOf(sent));
      } finally {
        last.destroyForcibly().waitFor();
      }
      // The kills did land mid-batch: some worker found a recorded intent and formed that batch again.
      assertThat(Files.readString(log)).contains("re-forming a batch from its recorded intent");
      List<String> ids = delivered(root);
      assertThat(ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
          .allSatisfy((id, count) -> assertThat(count).as("copies of %s", id).isEqualTo(1L));
    }
  }

  private static long starts(Path log) throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.contains("logpush job started")).count();
  }

  private static List<String> delivered(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return Ndjson.ids(files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".tmp-"))
          .map(CrashRecoveryIT::read).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Process start(TestDatabase db, String bootstrap, String topic, String owner, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        DeliveryWorkerMain.class.getName(), db.jdbcUrl(), db.user(), db.password(), bootstrap, topic, owner)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }
}
