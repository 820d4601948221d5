package io.auditline.logpush.job;

import java.util.Objects;

/** What became of creating or changing a job. */
public sealed interface JobOutcome {

  /** Stored; the job as it is now. */
  record Saved(JobView job) implements JobOutcome {
    public Saved {
      Objects.requireNonNull(job, "job");
    }
  }

  /** No such job in the account. */
  record NotFound() implements JobOutcome {}

  /** Another job of the account has this name. */
  record NameTaken(String name) implements JobOutcome {}

  /** The job would be enabled, or ownership was offered, and it is not proven; {@code field} is the request field to blame. */
  record OwnershipRefused(String field, String message) implements JobOutcome {}

  /** The job changed between reading and writing it; the client retries with the new state. */
  record ChangedMeanwhile() implements JobOutcome {}
}
