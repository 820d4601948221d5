package io.auditline.detect.policy;

/** The outcome of creating or updating a policy. */
public sealed interface PolicyWrite {

  record Saved(AlertPolicy policy) implements PolicyWrite {}

  /** Another policy of the account already has this name. */
  record NameTaken(String name) implements PolicyWrite {}

  /** No such policy in the account. */
  record NotFound() implements PolicyWrite {}
}
