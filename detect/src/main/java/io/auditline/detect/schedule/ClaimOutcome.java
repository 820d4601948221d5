package io.auditline.detect.schedule;

/** What happened to one (zone, minute) in a tick. */
sealed interface ClaimOutcome {

  /** This instance claimed and evaluated it. */
  record Evaluated() implements ClaimOutcome {}

  /** Another instance holds the claim; nothing to do. */
  record ClaimedElsewhere() implements ClaimOutcome {}

  /** The claim or the evaluation failed; the zone waits for the next tick (or the stale sweep). */
  record Failed(Exception cause) implements ClaimOutcome {}
}
