package io.auditline.logpush.destination;

import io.auditline.platform.net.AddressGuard;
import java.time.Duration;
import java.util.Objects;

/**
 * Operator settings every destination client is opened with.
 *
 * @param addressGuard which network addresses outgoing requests to customer URLs may reach
 * @param requestTimeout the longest one upload may take before it counts as a retryable timeout
 */
public record DestinationContext(AddressGuard addressGuard, Duration requestTimeout) {

  public DestinationContext {
    Objects.requireNonNull(addressGuard, "addressGuard");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout: %s (expected: > 0)".formatted(requestTimeout));
    }
  }

  /** Public addresses only, 60 s per request. */
  public static DestinationContext defaults() {
    return new DestinationContext(AddressGuard.publicOnly(), Duration.ofSeconds(60));
  }
}
