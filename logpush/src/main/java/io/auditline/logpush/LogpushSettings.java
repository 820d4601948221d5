package io.auditline.logpush;

import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.Destinations;
import io.auditline.platform.net.AddressGuard;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Operator settings of Logpush.
 *
 * @param retryWindow how long a failing batch is retried before it goes to the dead letters
 * @param leaseTtl how long a job stays with an instance that stopped renewing its lease
 * @param requestTimeout the longest one upload may take
 * @param allowedNetworks CIDR ranges beyond the public internet that customer destinations may
 *     reach (for example an S3-compatible store on a private network); empty by default
 * @param allowAllNetworks no address guard at all: only for local development
 * @param allowFileDestinations whether jobs may write {@code file://} destinations on this server's disk;
 *     on for {@code auditline dev}, off by default, because any token with {@code logpush:write} could
 *     otherwise make the server write wherever its process may
 */
public record LogpushSettings(Duration retryWindow, Duration leaseTtl, Duration requestTimeout, List<String> allowedNetworks,
    boolean allowAllNetworks, boolean allowFileDestinations) {

  public LogpushSettings {
    Objects.requireNonNull(retryWindow, "retryWindow");
    Objects.requireNonNull(leaseTtl, "leaseTtl");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    allowedNetworks = List.copyOf(allowedNetworks);
    if (retryWindow.isNegative() || retryWindow.isZero()) {
      throw new IllegalArgumentException("logpush.retryWindow: %s (expected: > 0)".formatted(retryWindow));
    }
    if (leaseTtl.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException("logpush.leaseTtl: %s (expected: >= 2s)".formatted(leaseTtl));
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("logpush.requestTimeout: %s (expected: > 0)".formatted(requestTimeout));
    }
    guard(allowAllNetworks, allowedNetworks);
  }

  /** 15 minutes of retries, 15 s leases, 60 s per upload, public addresses only, no file destinations. */
  public static LogpushSettings defaults() {
    return new LogpushSettings(Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofSeconds(60), List.of(), false, false);
  }

  /** Parses destination URIs, refusing {@code file://} ones unless this server allows them. */
  public Function<String, DestinationParse> destinationParser() {
    return uri -> {
      DestinationParse parsed = Destinations.parse(uri);
      if (!allowFileDestinations && parsed instanceof DestinationParse.Valid valid && valid.spec().scheme().equals("file")) {
        return new DestinationParse.Invalid(
            "file destinations are disabled on this server (the operator enables them with logpush.allowFileDestinations)");
      }
      return parsed;
    };
  }

  public AddressGuard guard() {
    return guard(allowAllNetworks, allowedNetworks);
  }

  public DestinationContext destinationContext() {
    return new DestinationContext(guard(), requestTimeout);
  }

  private static AddressGuard guard(boolean all, List<String> networks) {
    if (all) {
      return AddressGuard.allowingAll();
    }
    return networks.isEmpty() ? AddressGuard.publicOnly() : AddressGuard.allowing(networks);
  }
}
