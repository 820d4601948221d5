package io.auditline.logpush.job;

import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.ownership.Ownership;
import io.auditline.logpush.ownership.OwnershipOutcome;
import io.auditline.logpush.ownership.OwnershipProof;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Creates, changes and deletes an account's jobs. A job delivers only with proven destination
 * ownership: enabling needs a proof unless the destination was proven before, and changing the
 * destination forgets the proof and disables the job unless the same change proves the new one.
 */
public final class JobService {

  private static final String NEEDS_PROOF = "a job is enabled only once its destination is proven to be yours: send"
      + " ownership_challenge (a token from POST /v1/accounts/%s/logpush/ownership) or"
      + " ownership: \"verify_credentials\" in the same request";

  private final JobRepository repository;
  private final Ownership ownership;
  private final Function<String, DestinationParse> parser;
  private final Clock clock;

  public JobService(JobRepository repository, Ownership ownership, Function<String, DestinationParse> parser, Clock clock) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.ownership = Objects.requireNonNull(ownership, "ownership");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Optional<JobView> find(String account, UUID id) {
    return repository.find(account, id);
  }

  public List<JobView> page(String account, Optional<JobCursor> after, int limit) {
    return repository.page(account, after, limit);
  }

  public boolean delete(String account, UUID id) {
    return repository.delete(account, id);
  }

  /** Creates a job that starts now: it delivers the events appended from its creation on. */
  public JobOutcome create(NewJob draft) {
    if (draft.enabled() && draft.proof().isEmpty()) {
      return new JobOutcome.OwnershipRefused("enabled", NEEDS_PROOF.formatted(draft.accountId()));
    }
    Instant now = now();
    Optional<Instant> verified = Optional.empty();
    if (draft.proof().isPresent()) {
      switch (ownership.prove(draft.accountId(), draft.destination().uri(), draft.destination().spec(), draft.proof().get())) {
        case OwnershipOutcome.Proven proven -> verified = Optional.of(now);
        case OwnershipOutcome.Refused refused -> {
          return new JobOutcome.OwnershipRefused(refused.field(), refused.message());
        }
      }
    }
    Job job = new Job(UUID.randomUUID(), draft.accountId(), draft.name(), draft.dataset(), draft.destination().uri(),
        draft.destination().redacted(), draft.outputOptions(), draft.filter(), draft.limits(), draft.enabled(), verified, now, 1);
    return switch (repository.insert(job, now)) {
      case WRITTEN -> saved(job);
      case NAME_TAKEN -> new JobOutcome.NameTaken(job.name());
      case STALE -> throw new IllegalStateException("an insert matched no row");
    };
  }

  /** Applies {@code patch} to the job {@code id} of {@code account}; a patch that changes nothing changes no revision. */
  public JobOutcome update(String account, UUID id, JobPatch patch) {
    Optional<JobView> current = repository.find(account, id);
    if (current.isEmpty()) {
      return new JobOutcome.NotFound();
    }
    Job before = current.get().job();
    Job changed = patch.applyTo(before);
    boolean destinationChanged = !changed.destination().equals(before.destination());
    Optional<Instant> verified = destinationChanged ? Optional.empty() : before.ownershipVerifiedAt();
    Instant now = now();
    if (patch.proof().isPresent()) {
      switch (prove(account, changed.destination(), patch.proof().get())) {
        case OwnershipOutcome.Proven proven -> verified = Optional.of(now);
        case OwnershipOutcome.Refused refused -> {
          return new JobOutcome.OwnershipRefused(refused.field(), refused.message());
        }
      }
    }
    boolean enabled = patch.enabled().orElse(before.enabled());
    if (enabled && verified.isEmpty()) {
      if (patch.enabled().orElse(false)) {
        return new JobOutcome.OwnershipRefused("enabled", NEEDS_PROOF.formatted(account));
      }
      enabled = false;
    }
    Job after = new Job(changed.id(), changed.accountId(), changed.name(), changed.dataset(), changed.destination(),
        changed.destinationRedacted(), changed.outputOptions(), changed.filter(), changed.limits(), enabled, verified,
        changed.startAt(), before.revision() + 1);
    if (after.equals(withRevision(before, before.revision() + 1))) {
      return new JobOutcome.Saved(current.get());
    }
    return switch (repository.update(after, before.revision(), now)) {
      case WRITTEN -> saved(after);
      case NAME_TAKEN -> new JobOutcome.NameTaken(after.name());
      case STALE -> repository.find(account, id).isPresent() ? new JobOutcome.ChangedMeanwhile() : new JobOutcome.NotFound();
    };
  }

  private OwnershipOutcome prove(String account, String uri, OwnershipProof proof) {
    return switch (parser.apply(uri)) {
      case DestinationParse.Valid valid -> ownership.prove(account, uri, valid.spec(), proof);
      case DestinationParse.Invalid invalid -> new OwnershipOutcome.Refused("destination", invalid.message());
    };
  }

  private JobOutcome saved(Job job) {
    return repository.find(job.accountId(), job.id()).<JobOutcome>map(JobOutcome.Saved::new).orElseGet(JobOutcome.NotFound::new);
  }

  private Instant now() {
    // PostgreSQL keeps microseconds; the same precision keeps list cursors exact.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static Job withRevision(Job job, long revision) {
    return new Job(job.id(), job.accountId(), job.name(), job.dataset(), job.destination(), job.destinationRedacted(),
        job.outputOptions(), job.filter(), job.limits(), job.enabled(), job.ownershipVerifiedAt(), job.startAt(), revision);
  }
}
