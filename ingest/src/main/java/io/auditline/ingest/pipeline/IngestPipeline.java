package io.auditline.ingest.pipeline;

import com.google.protobuf.ByteString;
import io.auditline.ingest.auth.ProducerIdentity;
import io.auditline.ingest.auth.ProducerPolicy;
import io.auditline.ingest.auth.ProducerRegistry;
import io.auditline.ingest.dedup.IdempotencyGuard;
import io.auditline.ingest.kafka.EventLog;
import io.auditline.ingest.limit.ProducerRateLimiter;
import io.auditline.ingest.validate.EventValidator;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.EventResult;
import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.Outcome;
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
 * The ingest path, free of gRPC: identify, rate-limit, check counts, validate and authorise every
 * event, then append the valid ones to the log exactly once per id and answer per event.
 */
public final class IngestPipeline {

  private final IngestLimits limits;
  private final EventValidator validator;
  private final ProducerRegistry producers;
  private final ProducerRateLimiter rateLimiter;
  private final IdempotencyGuard idempotency;
  private final EventLog log;
  private final IngestTelemetry telemetry;
  private final IngestSpans spans;

  public IngestPipeline(
      IngestLimits limits,
      EventValidator validator,
      ProducerRegistry producers,
      ProducerRateLimiter rateLimiter,
      IdempotencyGuard idempotency,
      EventLog log,
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

  /**
   * Ingests {@code request}; {@code encodedEvents} holds each event's bytes as received (one per
   * event, in order), which are written as they are instead of being encoded again.
   */
  public CompletableFuture<IngestOutcome> ingest(
      ProducerIdentity producer, IngestRequest request, List<ByteString> encodedEvents, Context trace) {
    if (encodedEvents.size() != request.getEventsCount()) {
      throw new IllegalArgumentException(
          "encodedEvents: " + encodedEvents.size() + " (expected: one per event, " + request.getEventsCount() + ")");
    }
    int count = request.getEventsCount();
    Optional<ProducerPolicy> found = producers.policy(producer);
    if (found.isEmpty()) {
      telemetry.events("unknown", "rejected", "unknown_producer", count);
      return done(
          new IngestOutcome.Denied(
              "UNKNOWN_PRODUCER",
              "producer identity '" + producer + "' is not in the producers file",
              List.of()));
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
    return validateAndWrite(policy, producer, request, encodedEvents, trace);
  }

  private CompletableFuture<IngestOutcome> validateAndWrite(
      ProducerPolicy policy, ProducerIdentity producer, IngestRequest request, List<ByteString> encoded, Context trace) {
    int count = request.getEventsCount();
    List<List<Violation>> invalid = new ArrayList<>(count);
    List<List<Violation>> denied = new ArrayList<>(count);
    int invalidCount = 0;
    int deniedCount = 0;
    Span validation = spans.validation(trace, count);
    try {
      for (int i = 0; i < count; i++) {
        AuditEvent event = request.getEvents(i);
        List<Violation> violations = validator.validate(event, encoded.get(i).size());
        List<Violation> permission = violations.isEmpty() ? ProducerRegistry.check(policy, event) : List.of();
        invalid.add(violations);
        denied.add(permission);
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
                deniedCount + " of " + count + " events may not be written by producer " + producer
                    + "; nothing was written",
                prefixed(denied)));
      }
      if (invalidCount > 0) {
        telemetry.events(label, "rejected", "invalid", count);
        return done(
            new IngestOutcome.Invalid(
                invalidCount + " of " + count + " events are invalid; nothing was written",
                prefixed(invalid)));
      }
    }
    return write(label, producer, request, encoded, invalid, denied, trace);
  }

  private CompletableFuture<IngestOutcome> write(
      String label,
      ProducerIdentity producer,
      IngestRequest request,
      List<ByteString> encoded,
      List<List<Violation>> invalid,
      List<List<Violation>> denied,
      Context trace) {
    int count = request.getEventsCount();
    BatchWrite batch = new BatchWrite(count);
    Span produce = spans.produce(trace, "audit");
    EventLog.Appender appender = log.appender(producer, trace.with(produce));
    for (int i = 0; i < count; i++) {
      AuditEvent event = request.getEvents(i);
      if (!invalid.get(i).isEmpty() || !denied.get(i).isEmpty()) {
        batch.skip(i);
        continue;
      }
      int index = i;
      batch.expect();
      switch (idempotency.claim(event.getAccountId() + '/' + event.getId())) {
        case IdempotencyGuard.First first -> {
          try {
            appender.append(event, encoded.get(i), failure -> {
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
      return respond(label, request, invalid, denied, written);
    });
  }

  private IngestOutcome respond(
      String label,
      IngestRequest request,
      List<List<Violation>> invalid,
      List<List<Violation>> denied,
      BatchWrite batch) {
    IngestResponse.Builder response = IngestResponse.newBuilder();
    int accepted = 0;
    int duplicates = 0;
    int rejected = 0;
    int failed = 0;
    Throwable firstFailure = null;
    for (int i = 0; i < batch.size(); i++) {
      EventResult.Builder result =
          EventResult.newBuilder().setIndex(i).setId(request.getEvents(i).getId());
      switch (batch.state(i)) {
        case SKIPPED -> {
          rejected++;
          result.setOutcome(Outcome.OUTCOME_REJECTED).addAllViolations(invalid.get(i)).addAllViolations(denied.get(i));
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
          "Kafka did not acknowledge " + failed + " of " + batch.size() + " events ("
              + cause.getClass().getSimpleName() + ": " + cause.getMessage()
              + "); those events were not acknowledged; retry the batch with the same ids");
    }
    return new IngestOutcome.Completed(
        response.setAcceptedCount(accepted).setDuplicateCount(duplicates).setRejectedCount(rejected).build());
  }

  static List<Violation> prefixed(List<List<Violation>> perEvent) {
    List<Violation> all = new ArrayList<>();
    for (int i = 0; i < perEvent.size(); i++) {
      for (Violation v : perEvent.get(i)) {
        String field = v.getField().isEmpty() ? "events[" + i + "]" : "events[" + i + "]." + v.getField();
        all.add(v.toBuilder().setField(field).build());
      }
    }
    return all;
  }

  static IngestOutcome invalid(String field, String rule, String message) {
    return new IngestOutcome.Invalid(
        message, List.of(Violation.newBuilder().setField(field).setRule(rule).setMessage(message).build()));
  }

  static CompletableFuture<IngestOutcome> done(IngestOutcome outcome) {
    return CompletableFuture.completedFuture(outcome);
  }
}
