package io.auditline.logpush.job;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Where a page of an account's jobs (ordered by creation time, then id) continues; opaque to clients. */
public record JobCursor(Instant createdAt, UUID id) {

  public JobCursor {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(id, "id");
  }

  public static JobCursor after(JobView view) {
    return new JobCursor(view.createdAt(), view.job().id());
  }

  public String encode() {
    String plain = createdAt + "|" + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor {@code text} encodes; empty when it is not one. */
  public static Optional<JobCursor> decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int bar = plain.indexOf('|');
      if (bar < 0 || text.length() > 200) {
        return Optional.empty();
      }
      return Optional.of(new JobCursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
