package io.auditline.ingest.testing;

import io.auditline.ingest.IngestConfig;
import io.auditline.ingest.IngestRole;
import io.auditline.ingest.kafka.KafkaSettings;
import io.auditline.platform.lifecycle.Lifecycle;
import io.auditline.platform.tls.GrpcTls;
import io.auditline.platform.tls.TlsFiles;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.auditline.testkit.tls.TestPki;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLException;

/** Runs the real ingest role (mTLS gRPC server + Kafka producer) the way the app wires it. */
public final class IngestHarness implements AutoCloseable {

  /** Billing may write two accounts and two action-type prefixes; orders-service anything. */
  public static final String PRODUCERS =
      """
      producers:
        - identity: spiffe://auditline.test/producer/billing
          accounts: ["acct-1", "acct-2"]
          actionTypes: ["zone.", "billing."]
        - identity: orders-service
          accounts: ["*"]
          actionTypes: ["*"]
      """;

  private final Lifecycle lifecycle;
  private final IngestRole role;
  private final KafkaSettings kafka;
  private final List<ManagedChannel> channels = new CopyOnWriteArrayList<>();

  private IngestHarness(Lifecycle lifecycle, IngestRole role, KafkaSettings kafka) {
    this.lifecycle = lifecycle;
    this.role = role;
    this.kafka = kafka;
  }

  public static IngestHarness start(
      String bootstrap, String topic, String producersYaml, UnaryOperator<IngestConfig> tweak) {
    return start(bootstrap, topic, producersYaml, tweak,
        OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance())));
  }

  /** The harness with {@code otel} for its spans (an SDK with a span store, to look at them). */
  public static IngestHarness start(
      String bootstrap, String topic, String producersYaml, UnaryOperator<IngestConfig> tweak, OpenTelemetry otel) {
    try {
      Path producers = Files.createTempFile("producers", ".yaml");
      Files.writeString(producers, producersYaml);
      IngestConfig config = tweak.apply(IngestConfig.defaults(producers).withPort(0));
      KafkaSettings kafka =
          new KafkaSettings(
              bootstrap, topic, topic + ".security", 3, (short) 1, java.time.Duration.ofSeconds(5), java.util.Map.of());
      IngestRole role =
          IngestRole.create(config, kafka, TestPki.server(), new SimpleMeterRegistry(), otel, List.of());
      Lifecycle lifecycle = new Lifecycle(role.components());
      lifecycle.start();
      return new IngestHarness(lifecycle, role, kafka);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String topic() {
    return kafka.topic();
  }

  public String securityTopic() {
    return kafka.securityTopic();
  }

  public int port() {
    return role.server().port();
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** A channel to the server presenting {@code client}'s certificate (null: no certificate). */
  public ManagedChannel channel(TlsFiles client) {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("localhost", port())
            .sslContext(client == null ? trustOnly() : GrpcTls.clientContext(client))
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build();
    channels.add(channel);
    return channel;
  }

  private static SslContext trustOnly() {
    try {
      return GrpcSslContexts.forClient().trustManager(TestPki.server().trustedCa().toFile()).build();
    } catch (SSLException e) {
      throw new IllegalStateException(e);
    }
  }

  public IngestServiceGrpc.IngestServiceBlockingStub stub(TlsFiles client) {
    return IngestServiceGrpc.newBlockingStub(channel(client)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    for (ManagedChannel channel : channels) {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    lifecycle.close();
  }
}
