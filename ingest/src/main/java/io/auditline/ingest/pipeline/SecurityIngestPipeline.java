package io.auditline.ingest.pipeline;

import static io.auditline.ingest.pipeline.IngestPipeline.done;
import static io.auditline.ingest.pipeline.IngestPipeline.invalid;
import static io.auditline.ingest.pipeline.IngestPipeline.prefixed;

import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.ingest.auth.ProducerPolicy;
import io.auditline.ingest.auth.ProducerRegistry;
import io.auditline.ingest.dedup.IdempotencyGuard;
import io.auditline.ingest.kafka.SecurityEventLog;
import io.auditline.ingest.limit.ProducerRateLimiter;
import io.auditline.ingest.validate.EventValidator;
import io.auditline.proto.v1.EventResult;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestSecurityEventsRequest;
import io.auditline.proto.v1.Outcome;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.proto.v1.Violation;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The security-event path: the same steps, limits and answers as {@link IngestPipeline} (identify,
 * rate-limit, check counts, validate and authorise every event, append the valid ones once per id),
 * with {@link SecurityEvent}s written to the security topic. It shares the rate limiter and the
 * idempotency guard with the audit path, so a producer's budget covers both.
 */
public final class SecurityIngestPipeline {

  // Keeps a security event's id apart from an audit event's id in the shared idempotency guard.
  private static final String KEY_PREFIX = "security/";

  private final IngestLimits limits;
  private final EventValidator validator;
  private final ProducerRegistry producers;
  private final ProducerRateLimiter rateLimiter;
  private final IdempotencyGuard idempotency;
  private final SecurityEventLog log;
  private final IngestTelemetry telemetry;
  private final IngestSpans spans;

  public SecurityIngestPipeline(
      IngestLimits limits,
      EventValidator validator,
      ProducerRegistry producers,
      ProducerRateLimiter rateLimiter,
      IdempotencyGuard idempotency,
      SecurityEventLog log,
      IngestTelemetry telemetry,
      Tracer tracer) {
    this.limits = limits;
    this.validator = validator;
    this.producers = producers;
    this.rateLimiter = rateLimiter;
    this.idempotency = idempotency;
    this.log = log;
    this.telemetry = telemetry;
    this.spans = new IngestSpans(tracer);
  }

  /** Ingests {@code request}; the response has the shape of {@link IngestResponse}. */
  public CompletableFuture<IngestOutcome> ingest(
      ProducerIdentity producer, IngestSecurityEventsRequest request, Context trace) {
    int count = request.getEventsCount();
    Optional<ProducerPolicy> found = producers.policy(producer);
    if (found.isEmpty()) {
      telemetry.events("unknown", "rejected", "unknown_producer", count);
      return done(
          new IngestOutcome.Denied(
              "UNKNOWN_PRODUCER", "producer identity '" + producer + "' is not in the producers file", List.of()));
    }
    ProducerPolicy policy = found.get();
    String label = policy.identity();
    if (count == 0) {
      telemetry.events(label, "rejected", "invalid", 0);
      return done(invalid("events", "repeated.min_items", "a request must carry at least 1 event"));
    }
    if (count > limits.maxEventsPerRequest()) {
      telemetry.events(label, "rejected", "too_many_events", count);
      return done(
          invalid(
              "events",
              "repeated.max_items",
              "a request may carry at most " + limits.maxEventsPerRequest() + " events, got " + count));
    }
    Optional<Duration> wait = rateLimiter.tryAcquire(producer, count);
    if (wait.isPresent()) {
      telemetry.events(label, "rejected", "rate_limited", count);
      return done(
          new IngestOutcome.RateLimited(
              "producer " + producer + " is over its event rate; retry after " + wait.get().toMillis() + " ms",
              wait.get()));
    }
    return validateAndWrite(policy, producer, request, trace);
  }

  private CompletableFuture<IngestOutcome> validateAndWrite(
      ProducerPolicy policy, ProducerIdentity producer, IngestSecurityEventsRequest request, Context trace) {
    int count = request.getEventsCount();
    List<List<Violation>> rejected = new ArrayList<>(count);
    List<List<Violation>> invalid = new ArrayList<>(count);
    List<List<Violation>> denied = new ArrayList<>(count);
    Span validation = spans.validation(trace, count);
    long deniedCount = 0;
    long invalidCount = 0;
    try {
      for (int i = 0; i < count; i++) {
        SecurityEvent event = request.getEvents(i);
        List<Violation> violations = validator.validate(event, event.getSerializedSize());
        List<Violation> permission = violations.isEmpty() ? ProducerRegistry.check(policy, event) : List.of();
        invalid.add(violations);
        denied.add(permission);
        rejected.add(violations.isEmpty() ? permission : violations);
        invalidCount += violations.isEmpty() ? 0 : 1;
        deniedCount += permission.isEmpty() ? 0 : 1;
      }
    } finally {
      spans.validated(validation, invalidCount, deniedCount);
    }
    String label = policy.identity();
    if (!request.getPartialSuccess()) {
      if (deniedCount > 0) {
        telemetry.events(label, "rejected", "permission", count);
        return done(
            new IngestOutcome.Denied(
                "PRODUCER_NOT_PERMITTED",
                deniedCount + " of " + count + " security events may not be written by producer " + producer
                    + "; nothing was written",
                prefixed(denied)));
      }
      if (invalidCount > 0) {
        telemetry.events(label, "rejected", "invalid", count);
        return done(
            new IngestOutcome.Invalid(
                invalidCount + " of " + count + " security events are invalid; nothing was written",
                prefixed(invalid)));
      }
    }
    return write(label, producer, request, rejected, trace);
  }

  private CompletableFuture<IngestOutcome> write(
      String label,
      ProducerIdentity producer,
      IngestSecurityEventsRequest request,
      List<List<Violation>> rejected,
      Context trace) {
    int count = request.getEventsCount();
    BatchWrite batch = new BatchWrite(count);
    Span produce = spans.produce(trace, "security");
    SecurityEventLog.Appender appender = log.securityAppender(producer, trace.with(produce));
    for (int i = 0; i < count; i++) {
      SecurityEvent event = request.getEvents(i);
      if (!rejected.get(i).isEmpty()) {
        batch.skip(i);
        continue;
      }
      int index = i;
      batch.expect();
      switch (idempotency.claim(KEY_PREFIX + event.getAccountId() + '/' + event.getId())) {
        case IdempotencyGuard.First first -> {
          try {
            appender.append(event, event.toByteString(), failure -> {
              first.settle(failure);
              batch.settle(index, failure == null ? BatchWrite.State.ACCEPTED : BatchWrite.State.FAILED, failure);
            });
          } catch (RuntimeException e) { // a bug in the log; never leave the batch waiting
            first.settle(e);
            batch.settle(index, BatchWrite.State.FAILED, e);
          }
        }
        case IdempotencyGuard.Repeat repeat ->
            repeat.prior().whenComplete((ok, failure) ->
                batch.settle(index, failure == null ? BatchWrite.State.DUPLICATE : BatchWrite.State.FAILED, failure));
      }
    }
    return batch.sealed().thenApply(written -> {
      spans.produced(produce, written);
      return respond(label, request, rejected, written);
    });
  }

  private IngestOutcome respond(
      String label, IngestSecurityEventsRequest request, List<List<Violation>> rejectedWhy, BatchWrite batch) {
    IngestResponse.Builder response = IngestResponse.newBuilder();
    int accepted = 0;
    int duplicates = 0;
    int rejected = 0;
    int failed = 0;
    Throwable firstFailure = null;
    for (int i = 0; i < batch.size(); i++) {
      EventResult.Builder result = EventResult.newBuilder().setIndex(i).setId(request.getEvents(i).getId());
      switch (batch.state(i)) {
        case SKIPPED -> {
          rejected++;
          result.setOutcome(Outcome.OUTCOME_REJECTED).addAllViolations(rejectedWhy.get(i));
        }
        case ACCEPTED -> {
          accepted++;
          result.setOutcome(Outcome.OUTCOME_ACCEPTED);
        }
        case DUPLICATE -> {
          duplicates++;
          result.setOutcome(Outcome.OUTCOME_DUPLICATE);
        }
        case FAILED, PENDING -> {
          failed++;
          if (firstFailure == null) {
            firstFailure = batch.failure(i) != null ? batch.failure(i) : new IllegalStateException("write not settled");
          }
        }
      }
      response.addResults(result);
    }
    telemetry.events(label, "accepted", "none", accepted);
    telemetry.events(label, "duplicate", "none", duplicates);
    if (rejected > 0) {
      telemetry.events(label, "rejected", "invalid", rejected);
    }
    if (failed > 0) {
      telemetry.events(label, "failed", "kafka_unavailable", failed);
      Throwable cause = firstFailure.getCause() != null ? firstFailure.getCause() : firstFailure;
      return new IngestOutcome.Unavailable(
          "Kafka did not acknowledge " + failed + " of " + batch.size() + " security events ("
              + cause.getClass().getSimpleName() + ": " + cause.getMessage()
              + "); those events were not acknowledged; retry the batch with the same ids");
    }
    return new IngestOutcome.Completed(
        response.setAcceptedCount(accepted).setDuplicateCount(duplicates).setRejectedCount(rejected).build());
  }
}
