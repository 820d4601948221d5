package io.auditline.platform.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.protobuf.services.HealthStatusManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real TLS handshakes against a Netty gRPC server that requires client certificates. */
class GrpcTlsTest {

  @TempDir static Path dir;
  static CertificateAuthority ca;
  static Server server;
  static final ConcurrentLinkedQueue<PeerIdentity> seen = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void startServer() throws Exception {
    ca = CertificateAuthority.create("Test CA", Duration.ofDays(1));
    ca.writeCertificatePem(dir.resolve("ca.pem"));
    Instant now = Instant.now();
    ca.issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"), now.minusSeconds(60),
        now.plus(Duration.ofDays(1))).writePem(dir.resolve("server.pem"), dir.resolve("server.key"));

    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .sslContext(GrpcTls.serverContext(
            new TlsFiles(dir.resolve("server.pem"), dir.resolve("server.key"), dir.resolve("ca.pem"))))
        .addService(ServerInterceptors.intercept(new HealthStatusManager().getHealthService(),
            new RecordPeer()))
        .build()
        .start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void acceptsClientCertificateFromTheTrustedCa() throws Exception {
    URI id = URI.create("spiffe://auditline.test/producer/billing");
    TlsFiles client = client("good", ca, Optional.of(id), Instant.now().minusSeconds(60));

    assertThat(check(GrpcTls.clientContext(client))).isEqualTo(ServingStatus.SERVING);
    assertThat(seen).contains(new PeerIdentity.Spiffe(id));
  }

  @Test
  void rejectsExpiredClientCertificate() throws Exception {
    Instant past = Instant.now().minus(Duration.ofDays(2));
    TlsFiles expired = client("expired", ca, Optional.empty(), past);

    assertThatThrownBy(() -> check(GrpcTls.clientContext(expired)))
        .isInstanceOf(StatusRuntimeException.class);
  }

  @Test
  void rejectsClientCertificateFromAnotherCa() throws Exception {
    CertificateAuthority foreign = CertificateAuthority.create("Foreign CA", Duration.ofDays(1));
    TlsFiles client = client("foreign", foreign, Optional.empty(), Instant.now().minusSeconds(60));

    assertThatThrownBy(() -> check(GrpcTls.clientContext(client)))
        .isInstanceOf(StatusRuntimeException.class);
  }

  @Test
  void rejectsClientWithoutCertificate() throws Exception {
    SslContext noCert = GrpcSslContexts.forClient().trustManager(dir.resolve("ca.pem").toFile()).build();

    assertThatThrownBy(() -> check(noCert)).isInstanceOf(StatusRuntimeException.class);
  }

  private static TlsFiles client(String name, CertificateAuthority issuer, Optional<URI> id,
      Instant notBefore) throws Exception {
    Instant notAfter = notBefore.plus(Duration.ofDays(1));
    if (notAfter.isBefore(Instant.now())) {
      notAfter = notBefore.plus(Duration.ofHours(1));
    }
    // The expired case: valid for one hour, two days ago.
    issuer.issueClient(name, id, notBefore, notAfter)
        .writePem(dir.resolve(name + ".pem"), dir.resolve(name + ".key"));
    return new TlsFiles(dir.resolve(name + ".pem"), dir.resolve(name + ".key"), dir.resolve("ca.pem"));
  }

  private static ServingStatus check(SslContext context) throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", server.getPort())
        .sslContext(context).build();
    try {
      return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
          .check(HealthCheckRequest.getDefaultInstance()).getStatus();
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** Records the identity the server derives from each caller's certificate. */
  static final class RecordPeer implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
        ServerCallHandler<Q, R> next) {
      SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
      PeerIdentity.of(session).ifPresent(seen::add);
      return next.startCall(call, headers);
    }
  }
}
