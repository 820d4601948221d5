package io.auditline.client;

import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.EventResult;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.grpc.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Queues events and sends them in partial-success batches from one sender thread, bounding both the
 * unacknowledged events (backpressure on {@code send}) and the batches in flight.
 */
final class Batcher {

    /** One queued event; identity matters because the same event may be sent by several callers. */
    static final class Pending {
        final AuditEvent event;
        final CompletableFuture<Acknowledgement> future = new CompletableFuture<>();

        Pending(AuditEvent event) {
            this.event = event;
        }
    }

    // Markers travel through the queue so that they are seen in order with the events around them.
    private static final Pending FLUSH = new Pending(AuditEvent.getDefaultInstance());
    private static final Pending STOP = new Pending(AuditEvent.getDefaultInstance());

    private final ClientConfig config;
    private final RetryingCaller caller;
    // Unbounded because bufferPermits bounds it, and markers must never block.
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Set<Pending> outstanding = ConcurrentHashMap.newKeySet();
    private final Semaphore bufferPermits;
    private final Semaphore inFlightPermits;
    // send holds the read lock from the closed check to the enqueue, so close never strands an event.
    private final ReadWriteLock closeLock = new ReentrantReadWriteLock();
    private boolean closed;
    private final Thread sender;

    Batcher(ClientConfig config, RetryingCaller caller) {
        this.config = config;
        this.caller = caller;
        this.bufferPermits = new Semaphore(config.maxBufferedEvents());
        this.inFlightPermits = new Semaphore(config.maxInFlightBatches());
        this.sender = Thread.ofPlatform().name("auditline-client-sender").daemon().unstarted(this::run);
    }

    void start() {
        sender.start();
    }

    CompletableFuture<Acknowledgement> enqueue(AuditEvent event) {
        acquireBufferPermit();
        var pending = new Pending(event);
        closeLock.readLock().lock();
        try {
            if (closed) {
                bufferPermits.release();
                throw new IllegalStateException("client is closed");
            }
            outstanding.add(pending);
            queue.add(pending);
        } finally {
            closeLock.readLock().unlock();
        }
        return pending.future;
    }

    private void acquireBufferPermit() {
        Duration timeout = config.bufferTimeout();
        try {
            if (!bufferPermits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new BufferFullException(config.maxBufferedEvents(), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BufferFullException("interrupted while waiting for buffer space");
        }
    }

    /** Sends what is queued without waiting for the linger, then waits for all of it to be settled. */
    void flush() {
        var futures = outstanding.stream().map(p -> p.future).toArray(CompletableFuture[]::new);
        queue.add(FLUSH);
        try {
            CompletableFuture.allOf(futures).exceptionally(ignored -> null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failures.local(Status.Code.CANCELLED, "interrupted while flushing", 0);
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: failures are ignored", e);
        }
    }

    /** Stops accepting events, sends the queued ones, waits up to {@code timeout}, then fails the rest. */
    void close(Duration timeout) throws InterruptedException {
        closeLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            closeLock.writeLock().unlock();
        }
        queue.add(STOP);
        var futures = outstanding.stream().map(p -> p.future).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(futures).exceptionally(ignored -> null).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Whatever is left is failed below.
        } finally {
            sender.interrupt();
            sender.join();
            var abandoned = Failures.local(Status.Code.CANCELLED,
                    "client closed before the server acknowledged the event", 0);
            List.copyOf(outstanding).forEach(p -> settle(p, null, abandoned));
        }
    }

    private void run() {
        try {
            while (true) {
                Pending first = queue.take();
                if (first == STOP) {
                    return;
                }
                if (first == FLUSH) {
                    continue;
                }
                List<Pending> batch = new ArrayList<>(Math.min(config.maxBatchSize(), 64));
                batch.add(first);
                boolean stop = fill(batch);
                dispatch(batch);
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts only after its timeout; it fails whatever was not sent.
        }
    }

    /** Adds events until the batch is full or the linger has passed; returns whether STOP was seen. */
    private boolean fill(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + config.linger().toNanos();
        while (batch.size() < config.maxBatchSize()) {
            long remaining = deadline - System.nanoTime();
            Pending next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null || next == FLUSH) {
                return false;
            }
            if (next == STOP) {
                return true;
            }
            batch.add(next);
        }
        return false;
    }

    private void dispatch(List<Pending> batch) throws InterruptedException {
        inFlightPermits.acquire();
        var request = IngestRequest.newBuilder().setPartialSuccess(true);
        batch.forEach(p -> request.addEvents(p.event));
        caller.call(request.build()).whenComplete((response, failure) -> {
            inFlightPermits.release();
            if (failure == null) {
                settleEach(batch, response);
            } else {
                RuntimeException error = Failures.unwrap(failure);
                batch.forEach(p -> settle(p, null, error));
            }
        });
    }

    private void settleEach(List<Pending> batch, IngestResponse response) {
        Map<Integer, EventResult> byIndex = new HashMap<>();
        response.getResultsList().forEach(r -> byIndex.put(r.getIndex(), r));
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            String id = pending.event.getId();
            EventResult result = byIndex.get(i);
            if (result == null) {
                settle(pending, null, Failures.local(Status.Code.INTERNAL, "response has no result for event " + id, 1));
                continue;
            }
            switch (result.getOutcome()) {
                case OUTCOME_ACCEPTED -> settle(pending, new Acknowledgement.Accepted(id), null);
                case OUTCOME_DUPLICATE -> settle(pending, new Acknowledgement.Duplicate(id), null);
                case OUTCOME_REJECTED -> settle(pending, null,
                        new EventRejectedException(id, result.getViolationsList().stream().map(Violation::fromProto).toList()));
                case OUTCOME_UNSPECIFIED, UNRECOGNIZED -> settle(pending, null, Failures.local(Status.Code.INTERNAL,
                        "response has outcome " + result.getOutcome() + " for event " + id, 1));
            }
        }
    }

    private void settle(Pending pending, Acknowledgement ack, RuntimeException failure) {
        // The first settlement wins: close() may fail an event whose call completes later.
        if (!outstanding.remove(pending)) {
            return;
        }
        if (failure == null) {
            pending.future.complete(ack);
        } else {
            pending.future.completeExceptionally(failure);
        }
        bufferPermits.release();
    }
}
