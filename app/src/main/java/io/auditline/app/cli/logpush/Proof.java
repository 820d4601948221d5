package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** How a request proves that the destination is the customer's: at most one of the two. */
final class Proof {

  @Option(names = "--verify-credentials",
      description = "Prove ownership by writing a check object and reading it back (file, s3, azure; not https)")
  boolean verifyCredentials;

  @Option(names = "--challenge", paramLabel = "TOKEN",
      description = "Prove ownership with the token of a challenge object (see `logpush ownership`)")
  String challenge;

  /** Adds {@code ownership} or {@code ownership_challenge} to a job request body. */
  void addTo(ObjectNode body) {
    if (verifyCredentials) {
      body.put("ownership", "verify_credentials");
    } else if (challenge != null) {
      body.put("ownership_challenge", challenge);
    }
  }

  static void addTo(Proof proof, ObjectNode body) {
    if (proof != null) {
      proof.addTo(body);
    }
  }
}
