package io.auditline.logpush.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.ownership.OwnershipProof;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated partial update of a job: empty fields stay as they are.
 *
 * @param clearFilter true to remove the job's filter (then {@code filter} is empty)
 * @param proof proof of the destination's ownership (the new destination when it changes)
 */
public record JobPatch(
    Optional<String> name,
    Optional<JobDestination> destination,
    Optional<ObjectNode> outputOptions,
    Optional<ObjectNode> filter,
    boolean clearFilter,
    Optional<Duration> maxAge,
    Optional<Integer> maxRecords,
    Optional<Long> maxBytes,
    Optional<Boolean> enabled,
    Optional<OwnershipProof> proof) {

  public JobPatch {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(outputOptions, "outputOptions");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(maxRecords, "maxRecords");
    Objects.requireNonNull(maxBytes, "maxBytes");
    Objects.requireNonNull(enabled, "enabled");
    Objects.requireNonNull(proof, "proof");
    if (clearFilter && filter.isPresent()) {
      throw new IllegalArgumentException("filter: both set and cleared (expected: one of them)");
    }
  }

  /** The job with this patch applied, except ownership, enablement and revision. */
  Job applyTo(Job job) {
    BatchLimits limits = new BatchLimits(maxAge.orElse(job.limits().maxAge()), maxRecords.orElse(job.limits().maxRecords()),
        maxBytes.orElse(job.limits().maxBytes()));
    return new Job(job.id(), job.accountId(), name.orElse(job.name()), job.dataset(),
        destination.map(JobDestination::uri).orElse(job.destination()),
        destination.map(JobDestination::redacted).orElse(job.destinationRedacted()), outputOptions.orElse(job.outputOptions()),
        clearFilter ? Optional.empty() : filter.or(job::filter), limits, job.enabled(), job.ownershipVerifiedAt(),
        job.startAt(), job.revision());
  }
}
