package io.auditline.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the production channel: the server requires a client certificate, so TLS is always mutual. */
final class MutualTls {

    private MutualTls() {}

    static ManagedChannel channel(String target, Path caPem, Path certPem, Path keyPem) {
        requireReadable("caPem", caPem);
        requireReadable("certPem", certPem);
        requireReadable("keyPem", keyPem);
        SslContext context;
        try {
            context = GrpcSslContexts.forClient()
                    .trustManager(caPem.toFile())
                    .keyManager(certPem.toFile(), keyPem.toFile())
                    .build();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("tls: cannot load " + certPem + " / " + keyPem + " / " + caPem
                    + " (expected: PEM certificate chain, PKCS#8 PEM private key, PEM CA bundle)", e);
        }
        return NettyChannelBuilder.forTarget(target).sslContext(context).build();
    }

    private static void requireReadable(String name, Path path) {
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(name + ": " + path + " (expected: a readable PEM file)");
        }
    }
}
