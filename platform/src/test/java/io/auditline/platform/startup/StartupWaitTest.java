package io.auditline.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupWaitTest {

  @Test
  void returnsOnceEveryDependencyAnswers() throws Exception {
    AtomicInteger kafkaAttempts = new AtomicInteger();
    Dependency kafka = new Dependency("Kafka", "kafka:9092", timeout -> {
      if (kafkaAttempts.incrementAndGet() < 3) {
        throw new IOException("connection refused");
      }
    });
    Dependency postgres = new Dependency("PostgreSQL", "jdbc:postgresql://db/auditline", timeout -> {});

    new StartupWait(List.of(kafka, postgres), Duration.ofSeconds(30)).start();

    assertThat(kafkaAttempts).hasValue(3);
  }

  @Test
  void failsAtTheDeadlineNamingWhatWasUnreachableAndTheLastError() {
    AtomicInteger attempts = new AtomicInteger();
    Dependency kafka = new Dependency("Kafka", "kafka:9092", timeout -> {
      attempts.incrementAndGet();
      throw new IOException("wrapper", new IOException("Connection refused"));
    });

    assertThatThrownBy(() -> new StartupWait(List.of(kafka), Duration.ofMillis(600)).start())
        .isInstanceOfSatisfying(DependencyUnavailableException.class, e -> {
          assertThat(e.kind()).isEqualTo("Kafka");
          assertThat(e.address()).isEqualTo("kafka:9092");
        })
        .hasMessageStartingWith("Kafka at kafka:9092 was not reachable within 600 ms (")
        .hasMessageEndingWith(", last error: Connection refused)");
    assertThat(attempts).hasValueGreaterThan(1);
  }

  @Test
  void namesEveryDependencyStillUnreachableAtTheDeadline() {
    Dependency kafka = new Dependency("Kafka", "kafka:9092", timeout -> {
      throw new IOException("no route to host");
    });
    Dependency postgres = new Dependency("PostgreSQL", "jdbc:postgresql://db/auditline", timeout -> {
      throw new IOException("Connection refused");
    });

    assertThatThrownBy(() -> new StartupWait(List.of(kafka, postgres), Duration.ofMillis(300)).start())
        .hasMessageContaining("Kafka at kafka:9092 was not reachable within 300 ms")
        .hasMessageContaining("; PostgreSQL at jdbc:postgresql://db/auditline was not reachable within 300 ms")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aMisconfiguredDependencyEndsTheWaitAtOnce() {
    Dependency postgres = new Dependency("PostgreSQL", "jdbc:postgresql://db/auditline", timeout -> {
      throw new Dependency.Misconfigured("password authentication failed for user \"auditline\"", null);
    });

    long t0 = System.nanoTime();
    assertThatThrownBy(() -> new StartupWait(List.of(postgres), Duration.ofSeconds(30)).start())
        .isInstanceOf(DependencyUnavailableException.class)
        .hasMessage("PostgreSQL at jdbc:postgresql://db/auditline refused the connection: "
            + "password authentication failed for user \"auditline\"");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void kafkaProbeAgainstAClosedPortNamesTheBootstrapAddress() throws Exception {
    String bootstrap = "127.0.0.1:" + closedPort();

    assertThatThrownBy(() -> new StartupWait(List.of(KafkaProbe.dependency(bootstrap)), Duration.ofSeconds(2)).start())
        .isInstanceOf(DependencyUnavailableException.class)
        .hasMessageStartingWith("Kafka at " + bootstrap + " was not reachable within 2 s (");
  }

  @Test
  void rejectsANonPositiveDeadline() {
    assertThatThrownBy(() -> new StartupWait(List.of(), Duration.ZERO))
        .hasMessage("deadline: PT0S (expected: > 0)");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
