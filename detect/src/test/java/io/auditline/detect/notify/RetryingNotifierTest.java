package io.auditline.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryingNotifierTest {

  private static final Backoff BACKOFF = new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1));
  private static final NotifyOutcome RETRY = new NotifyOutcome.Retry("server_error", "503");

  private final List<Duration> slept = new ArrayList<>();

  @Test
  void ceilingDoublesUpToTheCap() {
    assertThat(List.of(1, 2, 3, 4, 5, 40).stream().map(BACKOFF::ceiling).toList()).containsExactly(
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
        Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  @Test
  void fullJitterSpansZeroToTheCeiling() {
    assertThat(BACKOFF.delay(3, 0.0)).isEqualTo(Duration.ZERO);
    assertThat(BACKOFF.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(BACKOFF.delay(3, 0.999_999)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void rejectsInvalidBackoff() {
    assertThatThrownBy(() -> new Backoff(0, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ZERO))
        .hasMessageContaining("maxAttempts: 0");
    assertThatThrownBy(() -> new Backoff(3, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ZERO))
        .hasMessageContaining("max: PT2S");
  }

  @Test
  void retriesUntilDelivered() {
    Scripted delegate = new Scripted(RETRY, RETRY, new NotifyOutcome.Delivered());

    NotifyOutcome outcome = retrying(delegate, 0.5).send(Notifications.firing());

    assertThat(outcome).isInstanceOf(NotifyOutcome.Delivered.class);
    assertThat(delegate.calls).isEqualTo(3);
    assertThat(slept).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void givesUpAfterMaxAttempts() {
    Scripted delegate = new Scripted(RETRY, RETRY, RETRY, RETRY, RETRY, new NotifyOutcome.Delivered());

    NotifyOutcome outcome = retrying(delegate, 0.5).send(Notifications.firing());

    assertThat(outcome).isEqualTo(RETRY);
    assertThat(delegate.calls).isEqualTo(5);
    assertThat(slept).hasSize(4);
  }

  @Test
  void doesNotRetryRejected() {
    Scripted delegate = new Scripted(new NotifyOutcome.Rejected("client_error", "400"));

    assertThat(retrying(delegate, 0.5).send(Notifications.firing())).isInstanceOf(NotifyOutcome.Rejected.class);
    assertThat(delegate.calls).isEqualTo(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void honoursLongerRetryAfter() {
    NotifyOutcome throttled = new NotifyOutcome.Retry("throttled", "429", Optional.of(Duration.ofSeconds(7)));
    Scripted delegate = new Scripted(throttled, new NotifyOutcome.Delivered());

    retrying(delegate, 0.5).send(Notifications.firing());

    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void stopsWhenTheWaitBudgetWouldBePassed() {
    NotifyOutcome throttled = new NotifyOutcome.Retry("throttled", "429", Optional.of(Duration.ofMinutes(2)));
    Scripted delegate = new Scripted(throttled, new NotifyOutcome.Delivered());

    assertThat(retrying(delegate, 0.5).send(Notifications.firing())).isEqualTo(throttled);
    assertThat(delegate.calls).isEqualTo(1);
    assertThat(slept).isEmpty();
  }

  private RetryingNotifier retrying(Notifier delegate, double u) {
    return new RetryingNotifier(delegate, BACKOFF, slept::add, () -> u);
  }

  private static final class Scripted implements Notifier {
    private final Deque<NotifyOutcome> outcomes;
    int calls;

    Scripted(NotifyOutcome... outcomes) {
      this.outcomes = new ArrayDeque<>(List.of(outcomes));
    }

    @Override
    public NotifyOutcome send(AlertNotification notification) {
      calls++;
      return outcomes.isEmpty() ? new NotifyOutcome.Rejected("script_over", "no more outcomes") : outcomes.poll();
    }
  }
}
