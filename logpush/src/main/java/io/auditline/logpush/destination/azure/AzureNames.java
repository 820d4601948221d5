package io.auditline.logpush.destination.azure;

import io.auditline.logpush.destination.UriQuery;
import java.util.Optional;

/** Azure's naming rules for storage accounts and containers, checked before any request is sent. */
final class AzureNames {

  private AzureNames() {}

  static Optional<String> accountProblem(String account) {
    if (!account.matches("[a-z0-9]{3,24}")) {
      return Optional.of("account: %s (expected: 3 to 24 lowercase letters and digits)".formatted(UriQuery.quoteName(account)));
    }
    return Optional.empty();
  }

  static Optional<String> containerProblem(String container) {
    String quoted = "container: %s ".formatted(UriQuery.quoteName(container));
    if (container.length() < 3 || container.length() > 63) {
      return Optional.of(quoted + "(expected: 3 to 63 characters)");
    }
    if (!container.matches("[a-z0-9-]+")) {
      return Optional.of(quoted + "(expected: only lowercase letters, digits and '-')");
    }
    if (!container.matches("[a-z0-9](-?[a-z0-9])*")) {
      return Optional.of(quoted + "(expected: to begin and end with a letter or digit, without '--')");
    }
    return Optional.empty();
  }
}
