package io.auditline.bench.ingest;

import io.auditline.app.AuditlineServer;
import io.auditline.app.config.AuditlineConfig;
import io.auditline.app.dev.DevEnvironment;
import io.auditline.app.dev.DevPki;
import io.auditline.embedded.kafka.EmbeddedKafka;
import io.auditline.embedded.kafka.EmbeddedKafkaConfig;
import io.auditline.ingest.IngestConfig;
import io.auditline.platform.metrics.Metrics;
import io.auditline.platform.tls.GrpcTls;
import io.auditline.bench.tracing.BenchTracing;
import io.auditline.bench.tracing.OtlpSink;
import io.auditline.bench.tracing.SwitchableTelemetry;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A throw-away Auditline under test: a real broker (child JVM) in a temp dir and the real server
 * assembled by the composition root with the dev PKI (mTLS), on free ports.
 */
final class BenchEnvironment implements AutoCloseable {

  /** The baseline's topic; same partitions and replication as the audit topic. */
  static final String BASELINE_TOPIC = "bench.producer-perf";
  /** Prefix of every load-generator thread's name, so the generator's CPU can be told from the server's. */
  static final String GENERATOR_THREADS = "bench-generator";

  /** The generator's channels run on their own event loops, not on the ones the server's transport uses. */
  private final EventLoopGroup generatorLoops =
      Epoll.isAvailable()
          ? new EpollEventLoopGroup(0, new DefaultThreadFactory(GENERATOR_THREADS, true))
          : new NioEventLoopGroup(0, new DefaultThreadFactory(GENERATOR_THREADS, true));
  private final Class<? extends Channel> generatorChannels =
      generatorLoops instanceof EpollEventLoopGroup ? EpollSocketChannel.class : NioSocketChannel.class;

  private final Path dataDir;
  private final EmbeddedKafka broker;
  private final Metrics metrics;
  private final AuditlineServer server;
  private final SwitchableTelemetry telemetry;
  private final OtlpSink sink;
  private final DevPki pki;
  private final AuditlineConfig config;

  private BenchEnvironment(Path dataDir, EmbeddedKafka broker, Metrics metrics, AuditlineServer server,
      SwitchableTelemetry telemetry, OtlpSink sink, DevPki pki, AuditlineConfig config) {
    this.dataDir = dataDir;
    this.broker = broker;
    this.metrics = metrics;
    this.server = server;
    this.telemetry = telemetry;
    this.sink = sink;
    this.pki = pki;
    this.config = config;
  }

  /**
   * One broker and one ingest server assembled by the composition root, whose tracing switches between
   * {@code tracings} ({@link #use}), so settings can be measured in turn on the same server instance.
   */
  static BenchEnvironment start(List<BenchTracing> tracings, double sampleRatio, boolean aa) throws Exception {
    Path dataDir = Files.createTempDirectory("auditline-bench-");
    EmbeddedKafka broker = new EmbeddedKafka(EmbeddedKafkaConfig.defaults(dataDir.resolve("kafka")));
    broker.start();
    OtlpSink sink = new OtlpSink();
    Map<BenchTracing, OpenTelemetrySdk> sdks = new EnumMap<>(BenchTracing.class);
    sdks.put(BenchTracing.off, BenchTracing.off.sdk(sink));
    // A/A: "on" is tracing off too, so a comparison measures its own noise and bias.
    tracings.forEach(t -> sdks.computeIfAbsent(t, setting -> aa ? BenchTracing.off.sdk(sink) : setting.sdk(sink, sampleRatio)));
    SwitchableTelemetry telemetry = new SwitchableTelemetry(sdks);
    telemetry.use(tracings.getFirst());
    AuditlineServer server = null;
    try {
      DevPki pki = DevPki.ensure(dataDir.resolve("tls"));
      // All generator channels share the demo identity: lift its rate limit so the benchmark
      // measures the ingest path, not the limiter. Tracing samples at the production default.
      IngestConfig ingest =
          new IngestConfig(
              "127.0.0.1", 0, DevEnvironment.ensureProducersFile(dataDir), null, null, null, 1e9, 1_000_000_000, null, null, null);
      AuditlineConfig config =
          new AuditlineConfig(
              List.of("ingest"),
              new AuditlineConfig.Kafka(broker.bootstrapServers(), null, 3, (short) 1, null, null),
              ingest,
              new AuditlineConfig.Tls(pki.serverCert(), pki.serverKey(), pki.caCert()),
              new AuditlineConfig.Http("127.0.0.1", 0),
              BenchTracing.config(sink, sampleRatio),
              null,
              null,
              null,
              null,
              null,
              null);
      Metrics metrics = Metrics.create("auditline-bench");
      server = AuditlineServer.assemble(config, metrics, telemetry, List.of());
      server.lifecycle().start();
      createBaselineTopic(broker.bootstrapServers(), config.kafka());
      return new BenchEnvironment(dataDir, broker, metrics, server, telemetry, sink, pki, config);
    } catch (Exception e) {
      if (server != null) {
        server.lifecycle().close();
      } else {
        telemetry.close();
      }
      sink.close();
      broker.close();
      throw e;
    }
  }

  private static void createBaselineTopic(String bootstrap, AuditlineConfig.Kafka kafka) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      admin.createTopics(List.of(new NewTopic(BASELINE_TOPIC, kafka.partitions(), (short) 1))).all().get();
    }
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  Path dataDir() {
    return dataDir;
  }

  /** From now on the server traces as {@code tracing} says. */
  void use(BenchTracing tracing) {
    telemetry.use(tracing);
  }

  /** A new mTLS channel to the ingest server presenting the demo producer certificate. */
  ManagedChannel channel() {
    SslContext tls = GrpcTls.clientContext(pki.producer());
    return NettyChannelBuilder.forAddress("localhost", server.ingest().orElseThrow().server().port())
        .sslContext(tls)
        .eventLoopGroup(generatorLoops)
        .channelType(generatorChannels)
        .directExecutor() // callbacks only record and send the next request
        .build();
  }

  /** Export requests and bytes the stand-in collector received from the traced server. */
  String exported() {
    return "%,d OTLP export requests, %,d bytes".formatted(sink.requests(), sink.bytes());
  }

  @Override
  public void close() throws Exception {
    try {
      server.lifecycle().close();
      sink.close();
      metrics.close();
      generatorLoops.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
    } finally {
      broker.close();
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
