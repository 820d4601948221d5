package io.auditline.logpush.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A Logpush job as stored: what to deliver, where, in which shape, and when to flush.
 *
 * @param destination the full destination URI, secrets included; never log or return it, use
 *     {@code destinationRedacted}
 * @param outputOptions the validated {@code output_options} object (see {@code format.OutputOptions})
 * @param filter the validated {@code filter} object, when the job has one (see {@code filter.Filter})
 * @param startAt the job delivers events appended to the log from this instant on
 * @param revision bumped on every change; workers reload a job whose revision moved
 */
public record Job(
    UUID id,
    String accountId,
    String name,
    String dataset,
    String destination,
    String destinationRedacted,
    ObjectNode outputOptions,
    Optional<ObjectNode> filter,
    BatchLimits limits,
    boolean enabled,
    Optional<Instant> ownershipVerifiedAt,
    Instant startAt,
    long revision) {

  public static final String DATASET_AUDIT_LOGS = "audit_logs";

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(destinationRedacted, "destinationRedacted");
    Objects.requireNonNull(outputOptions, "outputOptions");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(ownershipVerifiedAt, "ownershipVerifiedAt");
    Objects.requireNonNull(startAt, "startAt");
  }

  @Override
  public String toString() {
    // The record's default toString would print the destination's secrets.
    return "Job[id=%s, account=%s, name=%s, destination=%s, enabled=%s, revision=%d]"
        .formatted(id, accountId, name, destinationRedacted, enabled, revision);
  }
}
