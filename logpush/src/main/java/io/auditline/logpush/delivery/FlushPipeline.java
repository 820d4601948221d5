package io.auditline.logpush.delivery;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs a job's flushes (encode, intent, upload, advance) one after another on a thread of their own,
 * so the poll loop reads the next batch while the last one is encoded and uploaded. At most
 * {@value #IN_FLIGHT} flushes wait or run at a time; more block the poll loop (back-pressure). The
 * first failure stops every later flush and is rethrown to the poll loop, which then starts over from
 * the stored positions, re-forming the failed batch and those after it.
 */
final class FlushPipeline implements AutoCloseable {

  static final int IN_FLIGHT = 2;

  /** A flush of an encoded batch; may throw whatever the poll loop would have. */
  interface Flush {
    void run(ParallelEncoder.Pending encoding) throws Exception;
  }

  private final ExecutorService thread;
  private final Semaphore slots = new Semaphore(IN_FLIGHT);
  private volatile Throwable failure;

  FlushPipeline(String name) {
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  /** Queues a flush after the ones already queued; blocks while {@value #IN_FLIGHT} are pending. */
  void submit(Flush flush, java.util.function.Supplier<ParallelEncoder.Pending> encode) throws InterruptedException {
    rethrow();
    slots.acquire();
    ParallelEncoder.Pending encoding;
    try {
      encoding = encode.get();
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    try {
      thread.execute(() -> {
        try {
          if (failure == null) {
            flush.run(encoding);
          }
        } catch (Throwable t) {
          if (failure == null) {
            failure = t;
          }
        } finally {
          slots.release();
        }
      });
    } catch (RejectedExecutionException e) {
      slots.release();
      throw e;
    }
  }

  /** Throws the first failure of a flush, if there was one. */
  void rethrow() {
    Throwable t = failure;
    if (t == null) {
      return;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException("logpush flush failed", t);
  }

  /** True once every queued flush has finished. */
  boolean idle() {
    return slots.availablePermits() == IN_FLIGHT;
  }

  /** Lets queued flushes finish, up to {@code wait}, then stops the thread. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      thread.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
