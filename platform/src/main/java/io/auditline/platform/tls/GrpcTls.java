package io.auditline.platform.tls;

import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLException;

/** Mutual-TLS contexts for gRPC over Netty, built from {@link TlsFiles}. */
public final class GrpcTls {

  private GrpcTls() {}

  /**
   * A server context that requires a client certificate issued by {@code files.trustedCa()}; a
   * client without one, or with an expired or foreign one, fails the handshake.
   */
  public static SslContext serverContext(TlsFiles files) {
    try {
      return GrpcSslContexts.forServer(files.certChain().toFile(), files.privateKey().toFile())
          .trustManager(files.trustedCa().toFile())
          .clientAuth(ClientAuth.REQUIRE)
          .build();
    } catch (SSLException e) {
      throw new UncheckedIOException(describe("server", files), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(describe("server", files) + ": " + e.getMessage(), e);
    }
  }

  /** A client context presenting {@code files}' certificate and trusting servers from its CA. */
  public static SslContext clientContext(TlsFiles files) {
    try {
      return GrpcSslContexts.forClient()
          .keyManager(files.certChain().toFile(), files.privateKey().toFile())
          .trustManager(files.trustedCa().toFile())
          .build();
    } catch (SSLException e) {
      throw new UncheckedIOException(describe("client", files), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(describe("client", files) + ": " + e.getMessage(), e);
    }
  }

  private static String describe(String side, TlsFiles files) {
    return "cannot build %s TLS context from certChain=%s privateKey=%s trustedCa=%s"
        .formatted(side, files.certChain(), files.privateKey(), files.trustedCa());
  }
}
