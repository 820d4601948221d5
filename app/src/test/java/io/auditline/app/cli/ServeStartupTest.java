package io.auditline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.app.dev.DevEnvironment;
import io.auditline.app.dev.DevPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code auditline serve} waits for its dependencies and fails with one line naming the missing one. */
class ServeStartupTest {

  @TempDir Path dir;

  @Test
  void anUnreachableKafkaFailsTheStartWithOneLineNamingIt() throws Exception {
    DevPki pki = DevPki.ensure(dir.resolve("tls"));
    Path producers = DevEnvironment.ensureProducersFile(dir);
    String kafka = "127.0.0.1:" + closedPort();

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    int exit;
    long t0 = System.nanoTime();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new ServeCommand()).execute(
          "--roles", "ingest", "--kafka", kafka,
          "--set", "lifecycle.startupTimeout=2s",
          "--set", "http.port=0", "--set", "ingest.port=0", "--set", "ingest.producersFile=" + producers,
          "--set", "tls.certChain=" + pki.serverCert(), "--set", "tls.privateKey=" + pki.serverKey(),
          "--set", "tls.trustedCa=" + pki.caCert());
    } finally {
      System.setErr(original);
    }

    String printed = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isEqualTo(1);
    assertThat(printed.lines().filter(l -> l.startsWith("auditline: ")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("auditline: could not start: Kafka at " + kafka + " was not reachable within 2 s (");
    assertThat(System.nanoTime() - t0).as("gave up near the deadline").isLessThan(30_000_000_000L);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
