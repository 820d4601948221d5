package io.auditline.ingest.auth;

import java.util.List;
import java.util.Objects;

/**
 * What one producer may write: a list of accounts and a list of action-type prefixes, where {@code *}
 * allows any. A prefix matches an action type equal to it or starting with it ({@code "zone."}
 * matches {@code "zone.settings.update"}). Security events (of its accounts) only when
 * {@code securityEvents} is true; absent in the producers file means false.
 */
public record ProducerPolicy(
    String identity, List<String> accounts, List<String> actionTypes, Boolean securityEvents) {

  /** A producer of audit events only. */
  public ProducerPolicy(String identity, List<String> accounts, List<String> actionTypes) {
    this(identity, accounts, actionTypes, false);
  }

  public ProducerPolicy {
    securityEvents = Boolean.TRUE.equals(securityEvents);
    Objects.requireNonNull(identity, "identity");
    if (identity.isBlank()) {
      throw new IllegalArgumentException("identity: blank (expected: a SPIFFE id or a CN)");
    }
    accounts = List.copyOf(Objects.requireNonNull(accounts, "accounts"));
    actionTypes = List.copyOf(Objects.requireNonNull(actionTypes, "actionTypes"));
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException(
          "accounts of " + identity + ": empty (expected: account ids, or \"*\" for any)");
    }
    if (actionTypes.isEmpty()) {
      throw new IllegalArgumentException(
          "actionTypes of " + identity + ": empty (expected: prefixes, or \"*\" for any)");
    }
  }

  public boolean mayWriteAccount(String accountId) {
    return accounts.contains("*") || accounts.contains(accountId);
  }

  public boolean mayWriteSecurityEvents() {
    return securityEvents;
  }

  public boolean mayWriteAction(String actionType) {
    for (String prefix : actionTypes) {
      if (prefix.equals("*") || actionType.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
