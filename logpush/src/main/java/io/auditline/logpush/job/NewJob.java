package io.auditline.logpush.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.ownership.OwnershipProof;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated request to create a job.
 *
 * @param enabled whether the job should deliver right away; needs {@code proof}
 * @param proof proof of the destination's ownership sent with the request
 */
public record NewJob(
    String accountId,
    String name,
    String dataset,
    JobDestination destination,
    ObjectNode outputOptions,
    Optional<ObjectNode> filter,
    BatchLimits limits,
    boolean enabled,
    Optional<OwnershipProof> proof) {

  public NewJob {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(outputOptions, "outputOptions");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(proof, "proof");
  }
}
