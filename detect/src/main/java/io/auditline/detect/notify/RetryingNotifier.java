package io.auditline.detect.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Sends through another {@link Notifier}, retrying {@link NotifyOutcome.Retry} outcomes with {@link
 * Backoff}. A receiver's {@code Retry-After} replaces the jittered wait when it is longer. Returns the
 * first {@code Delivered} or {@code Rejected}, or the last {@code Retry} once attempts or the wait
 * budget run out. Blocks the calling thread while it waits.
 */
public final class RetryingNotifier implements Notifier {

  /** Waits; tests pass one that records instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
      return d -> Thread.sleep(d);
    }
  }

  private final Notifier delegate;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  public RetryingNotifier(Notifier delegate, Backoff backoff, Sleeper sleeper, DoubleSupplier random) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  public RetryingNotifier(Notifier delegate, Backoff backoff) {
    this(delegate, backoff, Sleeper.real(), () -> ThreadLocalRandom.current().nextDouble());
  }

  @Override
  public NotifyOutcome send(AlertNotification notification) {
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      NotifyOutcome outcome = delegate.send(notification);
      if (!(outcome instanceof NotifyOutcome.Retry retry) || attempt >= backoff.maxAttempts()) {
        return outcome;
      }
      Duration wait = backoff.delay(attempt, random.getAsDouble());
      if (retry.retryAfter().isPresent() && retry.retryAfter().get().compareTo(wait) > 0) {
        wait = retry.retryAfter().get();
      }
      if (waited.plus(wait).compareTo(backoff.maxTotalWait()) > 0) {
        return outcome;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcome;
      }
      waited = waited.plus(wait);
    }
  }

  @Override
  public String toString() {
    return "RetryingNotifier[" + delegate + ", " + backoff + "]";
  }
}
