package io.auditline.logpush.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.job.BatchLimits;
import io.auditline.logpush.job.Job;
import io.auditline.logpush.job.JobDestination;
import io.auditline.logpush.job.JobPatch;
import io.auditline.logpush.job.JobValidation;
import io.auditline.logpush.job.NewJob;
import io.auditline.logpush.ownership.OwnershipProof;
import io.auditline.store.query.Parsed;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Turns job request bodies into {@link NewJob} and {@link JobPatch}, or into every field that is wrong. */
final class JobRequests {

  static final int MAX_NAME = 128;
  static final int MAX_DESTINATION = 4096;
  private static final Set<String> FIELDS = Set.of("name", "dataset", "destination", "output_options", "filter", "max_age",
      "max_records", "max_bytes", "enabled", "ownership_challenge", "ownership");
  private static final Set<String> READ_ONLY = Set.of("id", "revision", "created_at", "updated_at", "start_at",
      "ownership_verified_at", "health");

  private final JobValidation validation;
  private final Function<String, DestinationParse> parser;

  JobRequests(JobValidation validation, Function<String, DestinationParse> parser) {
    this.validation = validation;
    this.parser = parser;
  }

  Parsed<NewJob> create(String account, ObjectNode body) {
    BodyFields f = new BodyFields(body);
    f.onlyKeys(FIELDS, READ_ONLY);
    Optional<String> name = f.has("name") ? f.text("name", MAX_NAME) : f.fail("name", "required");
    dataset(f);
    Optional<JobDestination> destination = f.has("destination") ? destination(f) : f.fail("destination", "required");
    Optional<ObjectNode> options = f.checked("output_options", f.node("output_options").orElse(Http.JSON.createObjectNode()),
        validation::outputOptions);
    Optional<ObjectNode> filter = f.node("filter").filter(n -> !n.isNull()).flatMap(n -> f.checked("filter", n, validation::filter));
    BatchLimits defaults = BatchLimits.defaults();
    Duration maxAge = maxAge(f).orElse(defaults.maxAge());
    int maxRecords = maxRecords(f).orElse(defaults.maxRecords());
    long maxBytes = maxBytes(f).orElse(defaults.maxBytes());
    boolean enabled = f.bool("enabled").orElse(false);
    Optional<OwnershipProof> proof = proof(f);
    if (!f.errors().isEmpty()) {
      return new Parsed.Invalid<>(f.errors());
    }
    return new Parsed.Valid<>(new NewJob(account, name.orElseThrow(), Job.DATASET_AUDIT_LOGS, destination.orElseThrow(),
        options.orElseThrow(), filter, new BatchLimits(maxAge, maxRecords, maxBytes), enabled, proof));
  }

  Parsed<JobPatch> patch(ObjectNode body) {
    BodyFields f = new BodyFields(body);
    f.onlyKeys(FIELDS, READ_ONLY);
    Optional<String> name = f.text("name", MAX_NAME);
    dataset(f);
    Optional<JobDestination> destination = f.has("destination") ? destination(f) : Optional.empty();
    Optional<ObjectNode> options = f.node("output_options").flatMap(n -> f.checked("output_options", n, validation::outputOptions));
    boolean clearFilter = f.node("filter").filter(JsonNode::isNull).isPresent();
    Optional<ObjectNode> filter = f.node("filter").filter(n -> !n.isNull()).flatMap(n -> f.checked("filter", n, validation::filter));
    Optional<Duration> maxAge = maxAge(f);
    Optional<Integer> maxRecords = maxRecords(f);
    Optional<Long> maxBytes = maxBytes(f);
    Optional<Boolean> enabled = f.bool("enabled");
    Optional<OwnershipProof> proof = proof(f);
    if (!f.errors().isEmpty()) {
      return new Parsed.Invalid<>(f.errors());
    }
    return new Parsed.Valid<>(new JobPatch(name, destination, options, filter, clearFilter, maxAge, maxRecords, maxBytes,
        enabled, proof));
  }

  /** The destination of a body with a {@code destination} field (also the ownership endpoint's). */
  Optional<JobDestination> destination(BodyFields f) {
    Optional<String> uri = f.text("destination", MAX_DESTINATION);
    if (uri.isEmpty()) {
      return Optional.empty();
    }
    DestinationParse parsed;
    try {
      parsed = parser.apply(uri.get());
    } catch (RuntimeException e) {
      // The exception's message may quote the URI and its secrets: neither answered nor logged.
      return f.fail("destination", "cannot be parsed (expected: a destination URI such as s3://bucket/prefix?region=...)");
    }
    return switch (parsed) {
      case DestinationParse.Valid valid -> Optional.of(new JobDestination(uri.get(), valid.spec()));
      case DestinationParse.Invalid invalid -> f.fail("destination", invalid.message());
    };
  }

  private static void dataset(BodyFields f) {
    f.text("dataset", 64).filter(d -> !d.equals(Job.DATASET_AUDIT_LOGS))
        .ifPresent(d -> f.error("dataset", "unknown dataset \"%s\" (expected: audit_logs)".formatted(d)));
  }

  private static Optional<Duration> maxAge(BodyFields f) {
    return f.duration("max_age", BatchLimits.MIN_AGE, BatchLimits.MAX_AGE);
  }

  private static Optional<Integer> maxRecords(BodyFields f) {
    return f.integer("max_records", 1, BatchLimits.MAX_RECORDS).map(Long::intValue);
  }

  private static Optional<Long> maxBytes(BodyFields f) {
    return f.integer("max_bytes", BatchLimits.MIN_BYTES, BatchLimits.MAX_BYTES);
  }

  private static Optional<OwnershipProof> proof(BodyFields f) {
    Optional<String> token = f.text("ownership_challenge", 256);
    Optional<String> ownership = f.text("ownership", 64);
    if (ownership.isPresent() && !ownership.get().equals("verify_credentials")) {
      return f.fail("ownership", "unknown method \"%s\" (expected: verify_credentials)".formatted(ownership.get()));
    }
    if (token.isPresent() && ownership.isPresent()) {
      return f.fail("ownership", "send either ownership_challenge or ownership, not both");
    }
    return token.<OwnershipProof>map(OwnershipProof.Challenge::new)
        .or(() -> ownership.map(o -> new OwnershipProof.VerifyCredentials()));
  }
}
