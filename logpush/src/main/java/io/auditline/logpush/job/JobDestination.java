package io.auditline.logpush.job;

import io.auditline.logpush.destination.DestinationSpec;
import java.util.Objects;

/**
 * A destination as a job holds it: the URI as the customer sent it (secrets included, stored but
 * never shown) and its parsed spec.
 */
public record JobDestination(String uri, DestinationSpec spec) {

  public JobDestination {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(spec, "spec");
  }

  /** The URI with every secret replaced, the only form that leaves the server. */
  public String redacted() {
    return spec.redacted();
  }

  @Override
  public String toString() {
    return "JobDestination[" + redacted() + "]";
  }
}
