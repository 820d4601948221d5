package io.auditline.logpush.job;

/** What became of writing a job. */
public enum WriteResult {
  /** The row was written (or deleted). */
  WRITTEN,
  /** Another job of the account already has the name. */
  NAME_TAKEN,
  /** No row matched: the job is gone, or changed since it was read. */
  STALE
}
