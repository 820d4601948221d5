package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.auditline.app.dev.DevEnvironment;
import io.auditline.app.dev.DevPki;
import io.auditline.client.AuditEvents;
import io.auditline.embedded.FreePorts;
import io.auditline.platform.tls.GrpcTls;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.EventResult;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.auditline.proto.v1.Outcome;
import io.auditline.proto.v1.Resource;
import io.auditline.testkit.ServerProcess;
import io.auditline.testkit.kafka.KafkaTestSupport;
import io.auditline.testkit.kafka.SharedKafka;
import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM in the middle of a load: the server, a child JVM started as {@code auditline serve},
 * drains in order and every event it acknowledged is in Kafka afterwards.
 */
class GracefulShutdownIT {

  private static final int CALLERS = 4;
  private static final int EVENTS_PER_CALL = 20;
  private static final Duration WAIT = Duration.ofSeconds(120);

  private ServerProcess server;

  @AfterEach
  void killLeftovers() {
    if (server != null) {
      server.kill();
    }
  }

  @Test
  void sigtermDuringLoadLosesNoAcknowledgedEventAndDrainsInOrder() throws Exception {
    Path data = Files.createTempDirectory("auditline-shutdown");
    DevPki pki = DevPki.ensure(data.resolve("tls"));
    String topic = KafkaTestSupport.uniqueTopicName("audit.events.shutdown");
    int grpcPort = FreePorts.pick("127.0.0.1");
    int httpPort = FreePorts.pick("127.0.0.1");
    Path config = writeConfig(data, pki, topic, grpcPort, httpPort, SharedPostgres.newDatabase("graceful_shutdown"));
    Path log = Files.createDirectories(Path.of("target", "test-logs")).resolve("graceful-shutdown-server.log");
    Files.deleteIfExists(log);
    server = ServerProcess.start("auditline-serve", serveCommand(config), data, log);
    server.awaitPort("127.0.0.1", grpcPort, WAIT);
    await().atMost(WAIT).until(() -> ready(httpPort));

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger failedCalls = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("localhost", grpcPort).sslContext(GrpcTls.clientContext(pki.producer())).build();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try {
      IngestServiceGrpc.IngestServiceBlockingStub stub = IngestServiceGrpc.newBlockingStub(channel);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CALLERS; c++) {
        running.add(callers.submit(() -> sendUntilStopped(stub, stop, acknowledged, failedCalls)));
      }
      await().atMost(WAIT).until(() -> acknowledged.size() >= 1_000);

      server.terminate();
      int exit = server.awaitExit(WAIT);
      stop.set(true);
      for (Future<?> f : running) {
        f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }

      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(exit).as("exit status after a complete drain (128 + SIGTERM)\n%s", server.tail(60)).isEqualTo(143);
      assertThat(failedCalls).as("calls refused once the server stopped accepting").hasPositiveValue();
      assertThat(stoppedOrder(output))
          .as("drain order in the server log")
          .containsSubsequence("grpc-health", "ingest-grpc", "ingest-kafka-producer", "indexer-consumer", "database", "admin-http");
      assertThat(output).contains("shutdown requested; draining").contains("shut down");
    } finally {
      stop.set(true);
      callers.shutdownNow();
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    Set<String> inKafka = ConcurrentHashMap.newKeySet();
    KafkaTestSupport.readAll(SharedKafka.bootstrapServers(), topic, acknowledged.size(), WAIT)
        .forEach(r -> inKafka.add(parse(r.value()).getId()));
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(1_000);
    assertThat(inKafka).containsAll(acknowledged);
  }

  /** Sends batches until told to stop, remembering the id of every event the server acknowledged. */
  private static void sendUntilStopped(
      IngestServiceGrpc.IngestServiceBlockingStub stub, AtomicBoolean stop, Set<String> acknowledged, AtomicInteger failedCalls) {
    while (!stop.get()) {
      IngestRequest.Builder request = IngestRequest.newBuilder();
      for (int i = 0; i < EVENTS_PER_CALL; i++) {
        request.addEvents(event());
      }
      try {
        IngestResponse response = stub.withDeadlineAfter(30, TimeUnit.SECONDS).ingest(request.build());
        for (EventResult result : response.getResultsList()) {
          if (result.getOutcome() == Outcome.OUTCOME_ACCEPTED || result.getOutcome() == Outcome.OUTCOME_DUPLICATE) {
            acknowledged.add(result.getId());
          }
        }
      } catch (StatusRuntimeException e) {
        // Not acknowledged, so not promised: the server is going away.
        failedCalls.incrementAndGet();
        try {
          Thread.sleep(20); // pace the retries against a stopping server, not waiting for a condition
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private static AuditEvent event() {
    return AuditEvents.withDefaults(AuditEvent.newBuilder()
        .setAccountId("acct-shutdown")
        .setActor(Actor.newBuilder().setType(ActorType.ACTOR_TYPE_SERVICE).setId("svc-load"))
        .setAction(Action.newBuilder().setType("billing.invoice.create").setResult(ActionResult.ACTION_RESULT_SUCCESS))
        .setResource(Resource.newBuilder().setType("invoice").setId("inv-1")));
  }

  private static AuditEvent parse(byte[] value) {
    try {
      return AuditEvent.parseFrom(value);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError("not an AuditEvent on the topic", e);
    }
  }

  /** Component names in the order the server logged them as stopped. */
  private static List<String> stoppedOrder(String output) {
    List<String> names = new ArrayList<>();
    for (String line : output.lines().toList()) {
      var m = java.util.regex.Pattern.compile(" - stopped component=\"([a-z-]+)\"").matcher(line);
      if (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static boolean ready(int httpPort) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/healthz/ready")).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static Path writeConfig(Path data, DevPki pki, String topic, int grpcPort, int httpPort, TestDatabase db)
      throws Exception {
    Path producers = DevEnvironment.ensureProducersFile(data);
    String yaml = """
        roles: [ingest, store]
        kafka:
          bootstrapServers: "%s"
          topic: "%s"
          partitions: 3
          replicationFactor: 1
        postgres:
          jdbcUrl: "%s"
          user: "%s"
          password: "%s"
        tls:
          certChain: "%s"
          privateKey: "%s"
          trustedCa: "%s"
        ingest:
          host: 127.0.0.1
          port: %d
          producersFile: "%s"
          rateEventsPerSecond: 1000000000
          rateBurstEvents: 1000000000
        http:
          host: 127.0.0.1
          port: %d
        lifecycle:
          startupTimeout: 60s
          shutdownTimeout: 60s
        """.formatted(SharedKafka.bootstrapServers(), topic, db.jdbcUrl(), db.user(), db.password(),
            pki.serverCert(), pki.serverKey(), pki.caCert(), grpcPort, producers, httpPort);
    Path file = data.resolve("auditline.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** {@code auditline serve} from the jar and libraries this module's package phase built. */
  private static List<String> serveCommand(Path config) {
    Path target = Path.of("target").toAbsolutePath();
    String classPath = target.resolve("auditline.jar") + File.pathSeparator + target.resolve("lib") + File.separator + "*";
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-Xmx512m", "-DAUDITLINE_LOG_FORMAT=text", "-cp", classPath, "io.auditline.app.Main",
        "serve", "-c", config.toString());
  }
}
