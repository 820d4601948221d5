package io.auditline.logpush.destination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  @Test
  void readsSecondsAndDatesAndCapsAtAnHour() {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    assertThat(RetryAfter.parse(Optional.of(" 5 "), now)).contains(Duration.ofSeconds(5));
    assertThat(RetryAfter.parse(Optional.of("Thu, 26 Nov 2026 10:00:30 GMT"), now)).contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse(Optional.of("99999"), now)).contains(Duration.ofHours(1));
    assertThat(RetryAfter.parse(Optional.of("soon"), now)).isEmpty();
    assertThat(RetryAfter.parse(Optional.empty(), now)).isEmpty();
  }
}
