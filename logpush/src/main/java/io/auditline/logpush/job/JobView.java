package io.auditline.logpush.job;

import java.time.Instant;
import java.util.Objects;

/** A job as the API shows it: its settings, when it was created and changed, and its health. */
public record JobView(Job job, Instant createdAt, Instant updatedAt, JobHealth health) {

  public JobView {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(health, "health");
  }
}
