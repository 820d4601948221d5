package io.auditline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.app.cli.TokensCommand;
import io.auditline.app.cli.logpush.LogpushCommand;
import io.auditline.client.AuditEvents;
import io.auditline.platform.tls.GrpcTls;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.auditline.proto.v1.Outcome;
import io.auditline.proto.v1.Resource;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One event followed end to end in the assembled dev server (real Kafka, PostgreSQL, a file:// Logpush
 * job): sent over mTLS with the producer's trace context, indexed, delivered to a Logpush object, and
 * found as one connected trace: producer → ingest RPC → validate and kafka.produce → indexer batch
 * (child or link) and Logpush batch → upload.
 */
class EndToEndTraceIT {

  private static final Duration WAIT = Duration.ofSeconds(90);

  private static DevServer dev;

  @TempDir Path out;

  @BeforeAll
  static void start() throws Exception {
    dev = new DevServer();
  }

  @AfterAll
  static void stop() {
    dev.close();
  }

  @Test
  void oneEventIsOneConnectedTraceFromTheIngestRpcThroughKafkaToTheStoreAndALogpushObject() throws Exception {
    String account = "acct-trace-" + System.nanoTime();
    createLogpushJob(account);
    String traceId = randomHex(16);
    String producerSpan = randomHex(8);
    AuditEvent event = event(account);

    IngestResponse response = send(event, "00-" + traceId + "-" + producerSpan + "-01");

    assertThat(response.getResults(0).getOutcome()).isEqualTo(Outcome.OUTCOME_ACCEPTED);
    await().atMost(WAIT).until(() -> indexed(event.getId()));
    await().atMost(WAIT).until(() -> delivered(event.getId()));
    // The batch and upload spans end right after the object is written.
    await().atMost(Duration.ofSeconds(10)).until(() -> byName(traceId).containsKey("logpush.upload"));

    Map<String, SpanData> spans = byName(traceId);
    assertThat(spans).containsKeys("auditline.v1.IngestService/Ingest", "ingest.validate", "kafka.produce",
        "logpush.batch", "logpush.upload");
    assertThat(spans.values()).allSatisfy(s -> assertThat(s.getTraceId()).isEqualTo(traceId));
    SpanData rpc = spans.get("auditline.v1.IngestService/Ingest");
    SpanData produce = spans.get("kafka.produce");
    SpanData batch = spans.get("logpush.batch");
    assertThat(rpc.getParentSpanId()).isEqualTo(producerSpan);
    assertThat(spans.get("ingest.validate").getParentSpanId()).isEqualTo(rpc.getSpanId());
    assertThat(produce.getParentSpanId()).isEqualTo(rpc.getSpanId());
    // The job's batch held only this account's event: its child, with a link to it too.
    assertThat(batch.getParentSpanId()).isEqualTo(produce.getSpanId());
    assertThat(batch.getLinks()).extracting(l -> l.getSpanContext().getSpanId()).contains(produce.getSpanId());
    assertThat(spans.get("logpush.upload").getParentSpanId()).isEqualTo(batch.getSpanId());
    assertThat(spans.get("logpush.upload").getAttributes().asMap().toString())
        .contains("auditline.destination.type=file", "auditline.outcome=stored");
    // The indexer's batch may have started with another test's event: then it links to this one.
    SpanData indexed = Stream.concat(store().trace(traceId).stream(), store().linkedTo(traceId).stream())
        .filter(s -> s.getName().equals("indexer.batch"))
        .filter(s -> s.getParentSpanId().equals(produce.getSpanId())
            || s.getLinks().stream().anyMatch(l -> l.getSpanContext().getSpanId().equals(produce.getSpanId())))
        .findFirst().orElseThrow(() -> new AssertionError("no indexer.batch span continues or links to " + produce));
    assertThat(indexed.getEndEpochNanos()).isGreaterThan(produce.getStartEpochNanos());

    // What an operator sees at the admin endpoint.
    String list = dev.http("/admin/traces?limit=100");
    assertThat(list).startsWith("200 ").contains(traceId);
    String trace = dev.http("/admin/traces/" + traceId);
    assertThat(trace).startsWith("200 ");
    JsonNode json = new ObjectMapper().readTree(trace.substring(4));
    assertThat(Stream.concat(stream(json.get("spans")), stream(json.get("linked_spans"))).map(s -> s.get("name").asText()))
        .contains("auditline.v1.IngestService/Ingest", "ingest.validate", "kafka.produce", "indexer.batch", "logpush.batch",
            "logpush.upload");
  }

  private static io.auditline.platform.tracing.SpanStore store() {
    return dev.tracing.store().orElseThrow();
  }

  private static Map<String, SpanData> byName(String traceId) {
    return store().trace(traceId).stream().collect(Collectors.toMap(SpanData::getName, Function.identity(), (a, b) -> a));
  }

  private static Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(b);
    b[0] |= 1; // never all zeros
    return HexFormat.of().formatHex(b);
  }

  private static AuditEvent event(String account) {
    return AuditEvents.withDefaults(AuditEvent.newBuilder()
        .setAccountId(account)
        .setActor(Actor.newBuilder().setType(ActorType.ACTOR_TYPE_USER).setId("user-1").setEmail("alice@example.com"))
        .setAction(Action.newBuilder().setType("zone.settings.update").setResult(ActionResult.ACTION_RESULT_SUCCESS))
        .setResource(Resource.newBuilder().setType("zone.setting").setId("always_use_https"))
        .setZoneId("example-zone"));
  }

  private static IngestResponse send(AuditEvent event, String traceparent) throws InterruptedException {
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", dev.grpcPort())
        .sslContext(GrpcTls.clientContext(dev.pki.producer())).build();
    try {
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER), traceparent);
      return IngestServiceGrpc.newBlockingStub(channel)
          .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .ingest(IngestRequest.newBuilder().addEvents(event).build());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static boolean indexed(String id) throws Exception {
    try (Connection c = dev.server.database().orElseThrow().dataSource().getConnection();
        PreparedStatement q = c.prepareStatement("SELECT count(*) FROM audit_events WHERE id = ?::uuid")) {
      q.setString(1, id);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() && rs.getLong(1) == 1;
      }
    }
  }

  private boolean delivered(String id) throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".ndjson.gz")).toList()) {
        try (BufferedReader lines = new BufferedReader(
            new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
          if (lines.lines().anyMatch(l -> l.contains(id))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private void createLogpushJob(String account) {
    String created = Cli.run(new TokensCommand(), 0, "create", "--dev-json", dev.devJson.toString(), "--account", account,
        "--scope", "logpush:write");
    Matcher token = Pattern.compile("(alt_[A-Za-z0-9_-]+)").matcher(created);
    assertThat(token.find()).as(created).isTrue();
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cli = new CommandLine(new LogpushCommand());
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    int code = cli.execute("jobs", "create", "--account", account, "--name", "traced", "--destination",
        "file://" + out + "/{DATE}", "--verify-credentials", "--enable", "--max-age", "1s", "--dev-json", dev.devJson.toString(),
        "--token", token.group(1));
    assertThat(code).as(stderr.toString()).isZero();
  }
}
