package io.auditline.ingest;

import io.auditline.ingest.auth.ProducerRegistry;
import io.auditline.ingest.dedup.IdempotencyGuard;
import io.auditline.ingest.grpc.IngestGrpcService;
import io.auditline.ingest.grpc.IngestServer;
import io.auditline.ingest.grpc.ProducerIdentityInterceptor;
import io.auditline.ingest.grpc.TraceContextInterceptor;
import io.auditline.ingest.kafka.KafkaEventLog;
import io.auditline.ingest.kafka.KafkaReachability;
import io.auditline.ingest.kafka.KafkaSettings;
import io.auditline.ingest.kafka.TopicProvisioner;
import io.auditline.ingest.limit.ProducerRateLimiter;
import io.auditline.ingest.pipeline.IngestLimits;
import io.auditline.ingest.pipeline.IngestPipeline;
import io.auditline.ingest.pipeline.IngestTelemetry;
import io.auditline.ingest.pipeline.MicrometerIngestTelemetry;
import io.auditline.ingest.pipeline.SecurityIngestPipeline;
import io.auditline.ingest.validate.EventValidator;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.tls.GrpcTls;
import io.auditline.platform.tls.TlsFiles;
import io.grpc.BindableService;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wires the ingest role: topic, Kafka reachability probe, Kafka producer and the mTLS gRPC server, in
 * start order. The app's composition root and the integration tests both build ingest through here.
 */
public record IngestRole(List<Component> components, IngestServer server) {

  public static IngestRole create(
      IngestConfig config,
      KafkaSettings kafka,
      TlsFiles serverTls,
      MeterRegistry metrics,
      OpenTelemetry telemetry,
      List<BindableService> extraServices)
      throws IOException {
    IngestTelemetry ingestTelemetry = new MicrometerIngestTelemetry(metrics);
    KafkaEventLog eventLog =
        new KafkaEventLog(kafka, telemetry.getPropagators().getTextMapPropagator(), ingestTelemetry, config.drainTimeout());
    IngestLimits limits = new IngestLimits(config.maxEventsPerRequest(), (int) config.maxEventSize().toBytes());
    EventValidator validator = new EventValidator((int) config.maxEventSize().toBytes());
    ProducerRegistry producers = ProducerRegistry.load(config.producersFile());
    ProducerRateLimiter rateLimiter =
        new ProducerRateLimiter(
            new ProducerRateLimiter.RateLimit(config.rateEventsPerSecond(), config.rateBurstEvents()),
            System::nanoTime);
    IdempotencyGuard idempotency = new IdempotencyGuard(config.idempotencyWindow(), config.idempotencyMaxKeys());
    Tracer tracer = telemetry.getTracer("io.auditline.ingest");
    IngestPipeline pipeline =
        new IngestPipeline(limits, validator, producers, rateLimiter, idempotency, eventLog, ingestTelemetry, tracer);
    SecurityIngestPipeline securityPipeline =
        new SecurityIngestPipeline(limits, validator, producers, rateLimiter, idempotency, eventLog, ingestTelemetry, tracer);
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
            .sslContext(GrpcTls.serverContext(serverTls))
            .maxInboundMessageSize((int) config.maxRequestSize().toBytes())
            .permitKeepAliveTime(10, TimeUnit.SECONDS)
            .maxConnectionIdle(5, TimeUnit.MINUTES);
    IngestServer server =
        new IngestServer(
            builder,
            new IngestGrpcService(pipeline, securityPipeline, tracer, ingestTelemetry),
            new ProducerIdentityInterceptor(),
            new TraceContextInterceptor(telemetry.getPropagators().getTextMapPropagator()),
            extraServices,
            config.drainTimeout());
    List<Component> components =
        List.of(
            new TopicProvisioner(kafka),
            new KafkaReachability(kafka.bootstrapServers(), Duration.ofSeconds(5)),
            eventLog,
            server);
    return new IngestRole(components, server);
  }
}
