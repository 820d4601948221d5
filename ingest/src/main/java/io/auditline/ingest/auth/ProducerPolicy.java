package io.auditline.ingest.auth;

import java.util.List;
import java.util.Objects;

/**
 * What one producer may write: a list of accounts and a list of action-type prefixes, where {@code *}
 * allows any. A prefix matches an action type equal to it or starting with it ({@code "zone."}
 * matches {@code "zone.settings.update"}).
 */
public record ProducerPolicy(String identity, List<String> accounts, List<String> actionTypes) {

  public ProducerPolicy {
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

  public boolean mayWriteAction(String actionType) {
    for (String prefix : actionTypes) {
      if (prefix.equals("*") || actionType.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
