package io.auditline.client;

import io.auditline.client.retry.Delayer;
import io.auditline.client.retry.RetryPolicy;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Configures an {@link AuditlineClient}; obtain one from {@link AuditlineClient#builder()}. */
public final class AuditlineClientBuilder {

    private final ClientConfig defaults = ClientConfig.defaults();
    private String target;
    private Path caPem;
    private Path certPem;
    private Path keyPem;
    private ManagedChannel channel;
    private int maxBatchSize = defaults.maxBatchSize();
    private Duration linger = defaults.linger();
    private int maxInFlightBatches = defaults.maxInFlightBatches();
    private int maxBufferedEvents = defaults.maxBufferedEvents();
    private Duration bufferTimeout = defaults.bufferTimeout();
    private Duration rpcTimeout = defaults.rpcTimeout();
    private Duration closeTimeout = defaults.closeTimeout();
    private RetryPolicy retry = defaults.retry();
    private RandomGenerator random = new SplittableRandom();
    private Delayer delayer = Delayer.system();

    AuditlineClientBuilder() {}

    /** The ingestion endpoint as {@code host:port} (or any gRPC target URI); requires {@link #tls}. */
    public AuditlineClientBuilder target(String hostPort) {
        this.target = Objects.requireNonNull(hostPort, "hostPort");
        return this;
    }

    /** Mutual TLS material: the CA that signed the server, this producer's certificate chain and PKCS#8 key. */
    public AuditlineClientBuilder tls(Path caPem, Path certPem, Path keyPem) {
        this.caPem = Objects.requireNonNull(caPem, "caPem");
        this.certPem = Objects.requireNonNull(certPem, "certPem");
        this.keyPem = Objects.requireNonNull(keyPem, "keyPem");
        return this;
    }

    /** Uses a channel built elsewhere (e.g. in-process for tests) instead of target and tls; the caller shuts it down. */
    public AuditlineClientBuilder channel(ManagedChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
        return this;
    }

    /** Most events per Ingest call, 1..1000 (default 500). */
    public AuditlineClientBuilder maxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
        return this;
    }

    /** How long a non-full batch waits for more events before it is sent (default 5 ms; zero sends at once). */
    public AuditlineClientBuilder linger(Duration linger) {
        this.linger = linger;
        return this;
    }

    /** Most Ingest calls in flight at once, retries included (default 4). */
    public AuditlineClientBuilder maxInFlightBatches(int maxInFlightBatches) {
        this.maxInFlightBatches = maxInFlightBatches;
        return this;
    }

    /** Most events sent but not yet settled, queued or in flight (default 10,000); {@code send} blocks beyond it. */
    public AuditlineClientBuilder maxBufferedEvents(int maxBufferedEvents) {
        this.maxBufferedEvents = maxBufferedEvents;
        return this;
    }

    /**
     * How long {@code send} blocks for buffer space before throwing {@link BufferFullException}
     * (default 1 s; zero fails fast).
     */
    public AuditlineClientBuilder bufferTimeout(Duration bufferTimeout) {
        this.bufferTimeout = bufferTimeout;
        return this;
    }

    /** Deadline of each Ingest attempt (default 10 s). */
    public AuditlineClientBuilder rpcTimeout(Duration rpcTimeout) {
        this.rpcTimeout = rpcTimeout;
        return this;
    }

    /** How long {@code close} waits for queued and in-flight events before failing them (default 30 s). */
    public AuditlineClientBuilder closeTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
        return this;
    }

    /** Retry policy for transient failures (default {@link RetryPolicy#defaults()}). */
    public AuditlineClientBuilder retry(RetryPolicy retry) {
        this.retry = Objects.requireNonNull(retry, "retry");
        return this;
    }

    /** Source of backoff jitter; replace only to make tests deterministic. */
    public AuditlineClientBuilder random(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /** Waits out backoffs; replace only to make tests deterministic. */
    public AuditlineClientBuilder delayer(Delayer delayer) {
        this.delayer = Objects.requireNonNull(delayer, "delayer");
        return this;
    }

    /** Validates the settings, connects lazily and starts the sender thread. */
    public AuditlineClient build() {
        var config = new ClientConfig(maxBatchSize, linger, maxInFlightBatches, maxBufferedEvents, bufferTimeout,
                rpcTimeout, closeTimeout, retry);
        if (channel != null) {
            if (target != null || caPem != null) {
                throw new IllegalStateException("channel: set together with target/tls (expected: one or the other)");
            }
            return new AuditlineClient(config, channel, false, random, delayer);
        }
        if (target == null) {
            throw new IllegalStateException("target: not set (expected: target(hostPort) with tls(...), or channel(...))");
        }
        if (caPem == null) {
            throw new IllegalStateException("tls: not set for target " + target
                    + " (expected: tls(caPem, certPem, keyPem); the server requires mutual TLS)");
        }
        return new AuditlineClient(config, MutualTls.channel(target, caPem, certPem, keyPem), true, random, delayer);
    }
}
