package io.auditline.ingest.dedup;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Writes each event key at most once within a window: a key seen again while its first write is in
 * flight or after it succeeded is answered as a duplicate without a second write. A failed write is
 * forgotten, so the producer's retry writes it.
 *
 * <p>The window is per process; across instances the downstream consumers deduplicate on the event
 * id, so a retry that lands on another instance costs a second record, never a second event.
 */
public final class IdempotencyGuard {

  /** What happened to one key. */
  public enum Result {
    WRITTEN,
    DUPLICATE
  }

  private final AsyncCache<String, Boolean> seen;

  public IdempotencyGuard(Duration window, long maxKeys) {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("idempotency window: " + window + " (expected: > 0)");
    }
    if (maxKeys < 1) {
      throw new IllegalArgumentException("idempotency maxKeys: " + maxKeys + " (expected: >= 1)");
    }
    // Caffeine starts the expiry of an async entry when its future completes and drops entries
    // whose future fails, which is exactly "remember successful writes for the window".
    this.seen = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maxKeys).buildAsync();
  }

  /** Runs {@code write} unless {@code key} was written (or is being written) within the window. */
  public CompletableFuture<Result> writeOnce(String key, Supplier<CompletableFuture<?>> write) {
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> prior = seen.asMap().putIfAbsent(key, mine);
    if (prior != null) {
      return prior.thenApply(ignored -> Result.DUPLICATE);
    }
    CompletableFuture<?> attempt;
    try {
      attempt = write.get();
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      return mine.thenApply(ignored -> Result.WRITTEN);
    }
    attempt.whenComplete(
        (ok, error) -> {
          if (error != null) {
            mine.completeExceptionally(error);
          } else {
            mine.complete(Boolean.TRUE);
          }
        });
    return mine.thenApply(ignored -> Result.WRITTEN);
  }

  /** Approximate number of remembered keys, for metrics. */
  public long size() {
    return seen.synchronous().estimatedSize();
  }
}
