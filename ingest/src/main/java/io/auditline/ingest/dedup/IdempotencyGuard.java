package io.auditline.ingest.dedup;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Writes each event key at most once within a window: a key seen again while its first write is in
 * flight or after it succeeded is answered as a duplicate without a second write. A failed write is
 * forgotten, so the producer's retry writes it.
 *
 * <p>The window is per process; across instances the downstream consumers deduplicate on the event
 * id, so a retry that lands on another instance costs a second record, never a second event.
 */
public final class IdempotencyGuard {

  /** The outcome of claiming a key. */
  public sealed interface Claim {}

  /**
   * The caller owns the key and must write it, then call {@link #settle} with the write's failure
   * (or null on success).
   */
  public record First(CompletableFuture<Boolean> slot) implements Claim {
    public void settle(Throwable failure) {
      if (failure == null) {
        slot.complete(Boolean.TRUE);
      } else {
        slot.completeExceptionally(failure);
      }
    }
  }

  /** The key was written (or is being written) already; {@code prior} completes with that write. */
  public record Repeat(CompletableFuture<Boolean> prior) implements Claim {}

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

  /** Claims {@code key}: {@link First} for the first writer within the window, else {@link Repeat}. */
  public Claim claim(String key) {
    CompletableFuture<Boolean> mine = new CompletableFuture<>();
    CompletableFuture<Boolean> prior = seen.asMap().putIfAbsent(key, mine);
    return prior == null ? new First(mine) : new Repeat(prior);
  }

  /** Approximate number of remembered keys, for metrics. */
  public long size() {
    return seen.synchronous().estimatedSize();
  }
}
