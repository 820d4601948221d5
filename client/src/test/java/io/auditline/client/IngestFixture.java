package io.auditline.client;

import io.auditline.client.retry.Delayer;
import io.auditline.client.retry.RetryPolicy;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

/** An in-process server running a {@link ScriptedIngestService}, and clients connected to it. */
final class IngestFixture implements AutoCloseable {

    final ScriptedIngestService service = new ScriptedIngestService();
    /** Backoffs the clients asked for; they are not waited out. */
    final List<Duration> delays = new CopyOnWriteArrayList<>();
    private final Server server;
    private final ManagedChannel channel;

    IngestFixture() {
        String name = InProcessServerBuilder.generateName();
        try {
            server = InProcessServerBuilder.forName(name).addService(service).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        channel = InProcessChannelBuilder.forName(name).build();
    }

    /** A client with deterministic retries: the largest jitter, and backoffs recorded instead of waited. */
    AuditlineClientBuilder client() {
        Delayer recording = delay -> {
            delays.add(delay);
            return CompletableFuture.completedFuture(null);
        };
        return AuditlineClient.builder()
                .channel(channel)
                .retry(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .random(new MaxJitter())
                .delayer(recording);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    /** Always draws the top of the jitter range, so backoffs equal their ceilings. */
    static final class MaxJitter implements RandomGenerator {
        @Override
        public long nextLong() {
            return Long.MAX_VALUE;
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    }
}
