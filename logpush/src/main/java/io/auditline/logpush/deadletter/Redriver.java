package io.auditline.logpush.deadletter;

import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.DestinationContext;
import io.auditline.logpush.destination.DestinationParse;
import io.auditline.logpush.destination.Destinations;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import io.auditline.logpush.job.Job;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a dead letter's stored body to the job's current destination under its original key, so
 * a redrive after a partial earlier success still leaves one object.
 */
public final class Redriver {

  private static final Logger log = LoggerFactory.getLogger(Redriver.class);

  private final DeadLetterStore store;
  private final DestinationContext context;
  private final Clock clock;
  private final Function<String, DestinationParse> destinations;

  public Redriver(DeadLetterStore store, DestinationContext context, Clock clock) {
    this(store, Destinations::parse, context, clock);
  }

  public Redriver(DeadLetterStore store, Function<String, DestinationParse> destinations, DestinationContext context, Clock clock) {
    this.destinations = Objects.requireNonNull(destinations, "destinations");
    this.store = Objects.requireNonNull(store, "store");
    this.context = Objects.requireNonNull(context, "context");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Redrives one dead letter of {@code job}; one attempt, the caller may try again. */
  public RedriveOutcome redrive(Job job, DeadLetter letter) {
    if (letter.redrivenAt().isPresent()) {
      return new RedriveOutcome.AlreadyRedriven(letter.redrivenAt().get());
    }
    Optional<byte[]> body = store.body(letter.id());
    if (body.isEmpty()) {
      return new RedriveOutcome.Failed("gone", "the dead letter was deleted meanwhile");
    }
    DestinationParse parsed = destinations.apply(job.destination());
    if (!(parsed instanceof DestinationParse.Valid valid)) {
      return new RedriveOutcome.Failed("invalid_destination", ((DestinationParse.Invalid) parsed).message());
    }
    UploadOutcome outcome;
    try (Destination destination = valid.spec().open(context)) {
      outcome = destination.upload(new Upload(letter.objectKey(), body.get(), letter.contentType(),
          letter.contentEncoding(), letter.idempotencyKey()));
    }
    return switch (outcome) {
      case UploadOutcome.Stored stored -> {
        store.markRedriven(letter.id(), clock.instant());
        log.atInfo().setMessage("dead letter redriven").addKeyValue("job_id", job.id())
            .addKeyValue("dead_letter_id", letter.id()).addKeyValue("records", letter.records()).log();
        yield new RedriveOutcome.Delivered(stored.key(), letter.records());
      }
      case UploadOutcome.Retry retry -> new RedriveOutcome.Failed(retry.reason(), retry.message());
      case UploadOutcome.Rejected rejected -> new RedriveOutcome.Failed(rejected.reason(), rejected.message());
    };
  }
}
