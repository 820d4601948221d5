package io.auditline.logpush.deadletter;

import java.time.Instant;

/** What became of a redrive. */
public sealed interface RedriveOutcome {

  record Delivered(String key, int records) implements RedriveOutcome {}

  record AlreadyRedriven(Instant at) implements RedriveOutcome {}

  record Failed(String reason, String message) implements RedriveOutcome {}
}
