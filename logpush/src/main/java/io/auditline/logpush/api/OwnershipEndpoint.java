package io.auditline.logpush.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.job.JobDestination;
import io.auditline.logpush.ownership.ChallengeOutcome;
import io.auditline.logpush.ownership.Ownership;
import io.auditline.store.api.Problem;
import io.auditline.store.query.InvalidParam;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code POST /v1/accounts/{account}/logpush/ownership}: writes a challenge object to a destination. */
final class OwnershipEndpoint {

  static final String READ_THE_TOKEN = "read the token from the file and send it as ownership_challenge";

  private final Http http;
  private final JobRequests requests;
  private final Ownership ownership;

  OwnershipEndpoint(Http http, JobRequests requests, Ownership ownership) {
    this.http = http;
    this.requests = requests;
    this.ownership = ownership;
  }

  void challenge(Context ctx) {
    Optional<String> account = http.authorize(ctx);
    Optional<ObjectNode> body = account.isPresent() && Http.onlyParams(ctx, Set.of()) ? Http.body(ctx) : Optional.empty();
    if (body.isEmpty()) {
      return;
    }
    BodyFields f = new BodyFields(body.get());
    f.onlyKeys(Set.of("destination"), Set.of());
    Optional<JobDestination> destination = f.has("destination") ? requests.destination(f) : f.fail("destination", "required");
    if (!f.errors().isEmpty()) {
      Problem.invalidBody(f.errors()).send(ctx);
      return;
    }
    JobDestination d = destination.orElseThrow();
    switch (ownership.challenge(account.get(), d.uri(), d.spec())) {
      case ChallengeOutcome.Issued issued -> {
        ObjectNode result = Http.JSON.createObjectNode();
        result.put("filename", issued.key());
        result.put("destination", d.redacted());
        result.put("expires_at", issued.expiresAt().toString());
        result.put("message", READ_THE_TOKEN);
        Http.json(ctx, 200, result);
      }
      case ChallengeOutcome.Failed failed -> notProven("destination",
          "writing the challenge object failed (" + failed.reason() + "): " + failed.message()).send(ctx);
    }
  }

  /** The 422 for a destination whose ownership is not proven. */
  static Problem notProven(String field, String message) {
    return Problem.unprocessable("urn:auditline:problem:ownership-not-proven", "Destination ownership not proven",
        "The destination's ownership is not proven: " + message, List.of(new InvalidParam(field, message)));
  }
}
