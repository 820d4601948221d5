package io.auditline.ingest.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The writes of one request: each event is settled once (accepted, duplicate, failed or skipped), and
 * {@link #sealed()} completes when the last one is. A counter instead of a future per event, because
 * this runs for every event on the ingest hot path.
 */
final class BatchWrite {

  enum State {
    PENDING,
    ACCEPTED,
    DUPLICATE,
    FAILED,
    SKIPPED
  }

  private final State[] states;
  private final Throwable[] failures;
  // Starts at one for the producer of writes; sealed() drops it. Settles publish their array writes
  // through this counter's volatile semantics, so the completer sees all of them.
  private final AtomicInteger pending = new AtomicInteger(1);
  private final CompletableFuture<BatchWrite> done = new CompletableFuture<>();

  BatchWrite(int size) {
    states = new State[size];
    failures = new Throwable[size];
    java.util.Arrays.fill(states, State.PENDING);
  }

  void skip(int index) {
    states[index] = State.SKIPPED;
  }

  /** Announces a write whose {@link #settle} will follow. */
  void expect() {
    pending.incrementAndGet();
  }

  void settle(int index, State state, Throwable failure) {
    states[index] = state;
    failures[index] = failure;
    release();
  }

  /** No more writes will be announced; completes once every announced write is settled. */
  CompletableFuture<BatchWrite> sealed() {
    release();
    return done;
  }

  State state(int index) {
    return states[index];
  }

  Throwable failure(int index) {
    return failures[index];
  }

  int size() {
    return states.length;
  }

  private void release() {
    if (pending.decrementAndGet() == 0) {
      done.complete(this);
    }
  }
}
