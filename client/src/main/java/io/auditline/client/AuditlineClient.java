package io.auditline.client;

import io.auditline.client.retry.Delayer;
import io.auditline.client.retry.RetryClassifier;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

/**
 * The thread-safe producer client: batches events into Ingest calls, retries transient failures with the
 * same event ids, and tells each caller the fate of each event.
 */
public final class AuditlineClient implements AutoCloseable {

    private final ClientConfig config;
    private final ManagedChannel channel;
    private final boolean ownsChannel;
    private final RetryingCaller caller;
    private final Batcher batcher;
    private final AtomicBoolean closed = new AtomicBoolean();

    AuditlineClient(ClientConfig config, ManagedChannel channel, boolean ownsChannel, RandomGenerator random,
                    Delayer delayer) {
        this.config = config;
        this.channel = channel;
        this.ownsChannel = ownsChannel;
        this.caller = new RetryingCaller(IngestServiceGrpc.newStub(channel),
                new RetryClassifier(config.retry(), random), delayer, config.rpcTimeout());
        this.batcher = new Batcher(config, caller);
        batcher.start();
    }

    /** Starts configuring a client. */
    public static AuditlineClientBuilder builder() {
        return new AuditlineClientBuilder();
    }

    /**
     * Queues {@code event} for the next batch. The future completes with {@link Acknowledgement.Accepted}
     * or {@link Acknowledgement.Duplicate} (both mean durable), or exceptionally with
     * {@link EventRejectedException} (this event is invalid or not permitted) or {@link AuditlineException}
     * (the batch failed with a final status, or retries were exhausted).
     *
     * @throws BufferFullException   when {@code maxBufferedEvents} stay unacknowledged for {@code bufferTimeout}
     * @throws IllegalStateException when the client is closed
     */
    public CompletableFuture<Acknowledgement> send(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        return batcher.enqueue(event);
    }

    /**
     * Sends {@code events} now as one atomic call: either all are written (or were duplicates) or none is,
     * e.g. INVALID_ARGUMENT with the {@link AuditlineException#violations()} of every event. Retries like
     * {@link #send}.
     *
     * @throws AuditlineException    when the call fails with a final status or retries are exhausted
     * @throws IllegalStateException when the client is closed
     */
    public IngestResponse sendBatch(List<AuditEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("events: [] (expected: at least one event)");
        }
        if (closed.get()) {
            throw new IllegalStateException("client is closed");
        }
        var request = IngestRequest.newBuilder().addAllEvents(events).setPartialSuccess(false).build();
        var response = caller.call(request);
        try {
            return response.get();
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw Failures.local(Status.Code.CANCELLED, "interrupted while sending a batch", 0);
        } catch (ExecutionException e) {
            throw Failures.unwrap(e.getCause());
        }
    }

    /** Sends everything queued so far without waiting for the linger, and waits until each event is settled. */
    public void flush() {
        batcher.flush();
    }

    /**
     * Stops accepting events, waits up to {@code closeTimeout} for queued and in-flight events (failing
     * those still unsettled with CANCELLED), then shuts down the channel if this client created it.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            batcher.close(config.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ownsChannel) {
                shutDownChannel();
            }
        }
    }

    private void shutDownChannel() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
