package io.auditline.ingest.grpc;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingestion gRPC server. It takes its {@link ServerBuilder} from the composition root (TLS,
 * address, message-size limit are the builder's business), so tests can run it on any transport.
 */
public final class IngestServer implements Component {

  private static final Logger log = LoggerFactory.getLogger(IngestServer.class);

  private final ServerBuilder<?> builder;
  private final IngestGrpcService service;
  private final ProducerIdentityInterceptor identity;
  private final TraceContextInterceptor tracing;
  private final List<BindableService> extraServices;
  private final Duration drainTimeout;
  private volatile Server server;

  public IngestServer(
      ServerBuilder<?> builder,
      IngestGrpcService service,
      ProducerIdentityInterceptor identity,
      TraceContextInterceptor tracing,
      List<BindableService> extraServices,
      Duration drainTimeout) {
    this.builder = builder;
    this.service = service;
    this.identity = identity;
    this.tracing = tracing;
    this.extraServices = List.copyOf(extraServices);
    this.drainTimeout = drainTimeout;
  }

  @Override
  public String name() {
    return "ingest-grpc";
  }

  @Override
  public void start() throws Exception {
    // Interceptors run last-added first: identity, then tracing, then the service.
    ServerServiceDefinition ingest = ServerInterceptors.intercept(strict(service), tracing, identity);
    builder.addService(ingest).addService(ProtoReflectionServiceV1.newInstance());
    extraServices.forEach(builder::addService);
    server = builder.build().start();
    log.atInfo().addKeyValue("port", port()).log("ingest gRPC server listening");
  }

  /**
   * The service with {@link StrictRequestMarshaller} in place of the generated request marshaller for
   * Ingest; IngestSecurityEvents keeps the generated marshallers.
   */
  private static ServerServiceDefinition strict(IngestGrpcService service) {
    MethodDescriptor<IngestRequest, IngestResponse> generated = IngestServiceGrpc.getIngestMethod();
    MethodDescriptor<IncomingRequest, IngestResponse> method =
        generated.toBuilder(new StrictRequestMarshaller(), generated.getResponseMarshaller()).build();
    ServiceDescriptor descriptor =
        ServiceDescriptor.newBuilder(IngestServiceGrpc.SERVICE_NAME)
            .setSchemaDescriptor(IngestServiceGrpc.getServiceDescriptor().getSchemaDescriptor())
            .addMethod(method)
            .addMethod(IngestServiceGrpc.getIngestSecurityEventsMethod())
            .build();
    return ServerServiceDefinition.builder(descriptor)
        .addMethod(method, ServerCalls.asyncUnaryCall(service::ingestIncoming))
        .addMethod(
            IngestServiceGrpc.getIngestSecurityEventsMethod(), ServerCalls.asyncUnaryCall(service::ingestSecurityEvents))
        .build();
  }

  /** The bound port (useful when configured as 0). */
  public int port() {
    return server.getPort();
  }

  @Override
  public Health check() {
    Server s = server;
    return s != null && !s.isShutdown() ? Health.healthy() : Health.unhealthy("gRPC server not running");
  }

  @Override
  public void close() throws InterruptedException {
    Server s = server;
    if (s == null) {
      return;
    }
    // Stop accepting calls, let in-flight ones finish (they wait for Kafka acks), then force.
    s.shutdown();
    if (!s.awaitTermination(drainTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
      log.atWarn().addKeyValue("timeout", drainTimeout).log("in-flight RPCs did not finish; cancelling");
      s.shutdownNow();
      s.awaitTermination(5, TimeUnit.SECONDS);
    }
    log.info("ingest gRPC server stopped");
  }
}
