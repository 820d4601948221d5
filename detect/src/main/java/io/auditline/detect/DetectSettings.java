package io.auditline.detect;

import io.auditline.detect.notify.SmtpSettings;
import io.auditline.platform.net.AddressGuard;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's detection settings.
 *
 * @param allowedNetworks CIDRs webhooks may reach beyond the public internet (loopback in development)
 * @param plaintextWebhooks admit {@code http://} webhook URLs in policies (development only)
 * @param smtp the relay for email channels; without it email notifications fail with a clear reason
 * @param settle how long after a minute ends it is evaluated (see {@code SchedulerConfig})
 * @param policyRefresh how stale the enabled-policy snapshot of rollups and scheduler may be
 */
public record DetectSettings(List<String> allowedNetworks, boolean plaintextWebhooks, Optional<SmtpSettings> smtp,
    Duration settle, Duration policyRefresh) {

  public DetectSettings {
    allowedNetworks = List.copyOf(allowedNetworks);
    Objects.requireNonNull(smtp, "smtp");
    Objects.requireNonNull(settle, "settle");
    Objects.requireNonNull(policyRefresh, "policyRefresh");
    if (policyRefresh.isNegative() || policyRefresh.isZero()) {
      throw new IllegalArgumentException("policyRefresh: %s (expected: > 0)".formatted(policyRefresh));
    }
    guard(allowedNetworks); // validates the CIDRs
  }

  /** Public addresses only, https webhooks only, no SMTP relay, 10 s settle, policies re-read every 10 s. */
  public static DetectSettings defaults() {
    return new DetectSettings(List.of(), false, Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  public AddressGuard guard() {
    return guard(allowedNetworks);
  }

  private static AddressGuard guard(List<String> networks) {
    return networks.isEmpty() ? AddressGuard.publicOnly() : AddressGuard.allowing(networks);
  }
}
