package io.auditline.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdempotencyGuardTest {

  private final IdempotencyGuard guard = new IdempotencyGuard(Duration.ofMinutes(10), 1000);

  @Test
  void theFirstClaimWritesAndLaterClaimsAreRepeatsOfIt() {
    IdempotencyGuard.Claim first = guard.claim("a/1");
    IdempotencyGuard.Claim second = guard.claim("a/1");

    assertThat(first).isInstanceOf(IdempotencyGuard.First.class);
    assertThat(second).isInstanceOfSatisfying(IdempotencyGuard.Repeat.class, r -> assertThat(r.prior()).isNotDone());
    ((IdempotencyGuard.First) first).settle(null);
    assertThat(((IdempotencyGuard.Repeat) second).prior()).isCompleted();
    assertThat(guard.claim("a/1")).isInstanceOf(IdempotencyGuard.Repeat.class);
    assertThat(guard.claim("b/1")).isInstanceOf(IdempotencyGuard.First.class);
  }

  @Test
  void aFailedWriteIsForgottenSoTheRetryWrites() {
    IdempotencyGuard.First first = (IdempotencyGuard.First) guard.claim("a/2");
    IdempotencyGuard.Repeat concurrent = (IdempotencyGuard.Repeat) guard.claim("a/2");

    first.settle(new IllegalStateException("kafka down"));

    assertThat(concurrent.prior()).isCompletedExceptionally();
    assertThat(guard.claim("a/2")).isInstanceOf(IdempotencyGuard.First.class);
  }
}
