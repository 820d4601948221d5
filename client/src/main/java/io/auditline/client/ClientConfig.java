package io.auditline.client;

import io.auditline.client.retry.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/** The validated settings of an {@link AuditlineClient}; built by {@link AuditlineClientBuilder}. */
record ClientConfig(
        int maxBatchSize,
        Duration linger,
        int maxInFlightBatches,
        int maxBufferedEvents,
        Duration bufferTimeout,
        Duration rpcTimeout,
        Duration closeTimeout,
        RetryPolicy retry) {

    /** The server's default maximum batch size; larger requests fail with RESOURCE_EXHAUSTED. */
    static final int MAX_BATCH_SIZE_LIMIT = 1000;

    ClientConfig {
        Objects.requireNonNull(linger, "linger");
        Objects.requireNonNull(bufferTimeout, "bufferTimeout");
        Objects.requireNonNull(rpcTimeout, "rpcTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        Objects.requireNonNull(retry, "retry");
        if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE_LIMIT) {
            throw new IllegalArgumentException(
                    "maxBatchSize: " + maxBatchSize + " (expected: 1.." + MAX_BATCH_SIZE_LIMIT + ")");
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger: " + linger + " (expected: >= 0)");
        }
        if (maxInFlightBatches < 1) {
            throw new IllegalArgumentException("maxInFlightBatches: " + maxInFlightBatches + " (expected: >= 1)");
        }
        if (maxBufferedEvents < maxBatchSize) {
            throw new IllegalArgumentException("maxBufferedEvents: " + maxBufferedEvents
                    + " (expected: >= maxBatchSize " + maxBatchSize + ")");
        }
        if (bufferTimeout.isNegative()) {
            throw new IllegalArgumentException("bufferTimeout: " + bufferTimeout + " (expected: >= 0)");
        }
        if (rpcTimeout.isNegative() || rpcTimeout.isZero()) {
            throw new IllegalArgumentException("rpcTimeout: " + rpcTimeout + " (expected: > 0)");
        }
        if (closeTimeout.isNegative()) {
            throw new IllegalArgumentException("closeTimeout: " + closeTimeout + " (expected: >= 0)");
        }
    }

    static ClientConfig defaults() {
        return new ClientConfig(500, Duration.ofMillis(5), 4, 10_000, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.defaults());
    }
}
