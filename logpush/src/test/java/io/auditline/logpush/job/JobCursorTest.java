package io.auditline.logpush.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobCursorTest {

  @Test
  void roundTripsAndRejectsAnythingElse() {
    JobCursor cursor = new JobCursor(Instant.parse("2026-01-01T12:00:00.123456Z"), UUID.randomUUID());
    assertThat(JobCursor.decode(cursor.encode())).contains(cursor);
    assertThat(JobCursor.decode("nonsense")).isEmpty();
    assertThat(JobCursor.decode("")).isEmpty();
    assertThat(JobCursor.decode("%%%")).isEmpty();
    assertThat(JobCursor.decode(java.util.Base64.getUrlEncoder().encodeToString("2026|x".getBytes()))).isEmpty();
  }
}
