package io.auditline.client.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Completes a future after a delay; injected so that tests can observe backoffs without waiting for them. */
@FunctionalInterface
public interface Delayer {

    /** Returns a future that completes once {@code delay} has passed. */
    CompletableFuture<Void> delay(Duration delay);

    /** Real time, without holding a thread while waiting. */
    static Delayer system() {
        return delay -> {
            var done = new CompletableFuture<Void>();
            CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS).execute(() -> done.complete(null));
            return done;
        };
    }
}
