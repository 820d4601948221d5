package io.auditline.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.auditline.client.retry.RetryPolicy;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MutualTlsTest {

    @TempDir
    Path dir;

    private final ScriptedIngestService service = new ScriptedIngestService();
    private final List<String> peers = new CopyOnWriteArrayList<>();
    private TlsMaterial tls;
    private Server server;

    @BeforeEach
    void startServerRequiringClientCertificates() throws Exception {
        tls = TlsMaterial.issue(Files.createDirectory(dir.resolve("trusted")), "auditline-test-ca");
        var sslContext = GrpcSslContexts.forServer(tls.serverCertPem().toFile(), tls.serverKeyPem().toFile())
                .trustManager(tls.caPem().toFile())
                .clientAuth(ClientAuth.REQUIRE)
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .sslContext(sslContext)
                .addService(ServerInterceptors.intercept(service, new PeerRecorder()))
                .build()
                .start();
    }

    @AfterEach
    void stopServer() {
        server.shutdownNow();
    }

    @Test
    void deliversEventsPresentingTheProducerCertificate() {
        var event = TestEvents.event();

        try (var client = AuditlineClient.builder().target("localhost:" + server.getPort())
                .tls(tls.caPem(), tls.clientCertPem(), tls.clientKeyPem()).build()) {
            var ack = client.send(event);
            client.flush();

            assertThat(ack).isCompletedWithValue(new Acknowledgement.Accepted(event.getId()));
        }
        assertThat(peers).containsExactly("CN=producer-a");
    }

    @Test
    void refusesAServerItsCaDidNotSign() throws Exception {
        var stranger = TlsMaterial.issue(Files.createDirectory(dir.resolve("stranger")), "another-ca");

        try (var client = AuditlineClient.builder().target("localhost:" + server.getPort())
                .tls(stranger.caPem(), stranger.clientCertPem(), stranger.clientKeyPem())
                .retry(RetryPolicy.none()).build()) {
            var ack = client.send(TestEvents.event());
            client.flush();

            assertThat(ack.exceptionNow()).asInstanceOf(type(AuditlineException.class))
                    .extracting(AuditlineException::code).isEqualTo(Status.Code.UNAVAILABLE);
        }
        assertThat(service.requests).isEmpty();
    }

    /** Records the subject of the client certificate each call arrived with. */
    private final class PeerRecorder implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                         ServerCallHandler<Q, R> next) {
            try {
                var session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
                peers.add(((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName());
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                peers.add("unverified");
            }
            return next.startCall(call, headers);
        }
    }
}
