package io.auditline.logpush.delivery;

import io.auditline.logpush.deadletter.DeadLetter;
import io.auditline.logpush.deadletter.DeadLetterStore;
import io.auditline.logpush.destination.Destination;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.destination.UploadOutcome;
import io.auditline.logpush.job.Job;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads one batch until the destination confirms it, retrying with capped exponential backoff and
 * full jitter (or the destination's Retry-After) for at most the retry window, and then keeps it as a
 * dead letter. Nothing is dropped: the caller advances the position only after either.
 */
final class BatchUploader {

  private static final Logger log = LoggerFactory.getLogger(BatchUploader.class);
  /** The span of one upload attempt. */
  static final String SPAN = "logpush.upload";

  /** How a batch left the uploader. */
  enum Result { DELIVERED, DEAD_LETTERED }

  /** Waits between attempts; returns false when the worker is stopping. */
  interface Pause {
    boolean await(Duration delay) throws InterruptedException;
  }

  private final Job job;
  private final Destination destination;
  private final DeliveryConfig config;
  private final JobHealth health;
  private final DeadLetterStore deadLetters;
  private final DeliveryTelemetry telemetry;
  private final Clock clock;
  private final Tracer tracer;
  private final String destinationType;

  BatchUploader(Job job, Destination destination, DeliveryConfig config, JobHealth health, DeadLetterStore deadLetters,
      DeliveryTelemetry telemetry, Clock clock, Tracer tracer) {
    this.tracer = tracer;
    int colon = job.destination().indexOf(':');
    this.destinationType = colon > 0 ? job.destination().substring(0, colon) : "unknown";
    this.job = job;
    this.destination = destination;
    this.config = config;
    this.health = health;
    this.deadLetters = deadLetters;
    this.telemetry = telemetry;
    this.clock = clock;
  }

  /**
   * Delivers {@code upload}; throws {@link StoppingException} when the worker stops meanwhile (the
   * position is then not advanced and the batch is formed again on the next start).
   */
  Result deliver(Upload upload, JobFormat.Encoded encoded, BatchOrigin origin, Pause pause)
      throws InterruptedException {
    Instant firstFailure = null;
    int failures = 0;
    while (true) {
      long started = System.nanoTime();
      UploadOutcome outcome = upload(upload, failures + 1);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      String reason;
      String message;
      Optional<Duration> retryAfter = Optional.empty();
      switch (outcome) {
        case UploadOutcome.Stored stored -> {
          telemetry.delivered(job.id(), encoded.records(), encoded.rawBytes(), encoded.body().length, took);
          health.delivered(job.id(), clock.instant());
          if (failures > 0) {
            log.atInfo().setMessage("logpush batch delivered after retries").addKeyValue("job_id", job.id())
                .addKeyValue("key", upload.key()).addKeyValue("attempts", failures + 1).log();
          }
          return Result.DELIVERED;
        }
        case UploadOutcome.Retry retry -> {
          reason = retry.reason();
          message = retry.message();
          retryAfter = retry.retryAfter();
        }
        case UploadOutcome.Rejected rejected -> {
          reason = rejected.reason();
          message = rejected.message();
        }
      }
      failures++;
      Instant now = clock.instant();
      if (firstFailure == null) {
        firstFailure = now;
      }
      telemetry.failed(job.id(), reason);
      health.failed(job.id(), now, reason + ": " + message);
      log.atWarn().setMessage("logpush upload failed").addKeyValue("job_id", job.id()).addKeyValue("key", upload.key())
          .addKeyValue("reason", reason).addKeyValue("error", message).addKeyValue("attempt", failures).log();
      if (Duration.between(firstFailure, now).compareTo(config.retryWindow()) >= 0) {
        deadLetter(upload, encoded, origin, reason, message, failures, now);
        return Result.DEAD_LETTERED;
      }
      Duration delay = retryAfter.isPresent() ? min(retryAfter.get(), config.backoffMax()) : jittered(failures);
      // Never wait past the end of the window by much: the last attempt comes at the window's end.
      Duration left = config.retryWindow().minus(Duration.between(firstFailure, now));
      if (!pause.await(min(delay, left.isNegative() ? Duration.ZERO : left))) {
        throw new StoppingException();
      }
    }
  }

  /** One attempt, as a {@value #SPAN} span: the child of the current (batch) span. */
  private UploadOutcome upload(Upload upload, int attempt) {
    Span span = tracer.spanBuilder(SPAN).setSpanKind(SpanKind.CLIENT).startSpan();
    if (span.isRecording()) {
      span.setAttribute("auditline.destination.type", destinationType);
      span.setAttribute("auditline.key", upload.key());
      span.setAttribute("auditline.bytes", upload.body().length);
      span.setAttribute("auditline.attempt", attempt);
    }
    try (Scope ignored = span.makeCurrent()) {
      UploadOutcome outcome = destination.upload(upload);
      if (span.isRecording()) {
        switch (outcome) {
          case UploadOutcome.Stored stored -> span.setAttribute("auditline.outcome", "stored");
          case UploadOutcome.Retry retry -> {
            span.setAttribute("auditline.outcome", "retry");
            span.setStatus(StatusCode.ERROR, retry.reason());
          }
          case UploadOutcome.Rejected rejected -> {
            span.setAttribute("auditline.outcome", "rejected");
            span.setStatus(StatusCode.ERROR, rejected.reason());
          }
        }
      }
      return outcome;
    } catch (RuntimeException e) {
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }

  private void deadLetter(Upload upload, JobFormat.Encoded encoded, BatchOrigin origin,
      String reason, String message, int attempts, Instant now) {
    deadLetters.add(new DeadLetter(UUID.randomUUID(), job.id(), job.accountId(), upload.key(), upload.idempotencyKey(),
        origin.partition(), origin.firstOffset(), origin.lastOffset(), encoded.records(), reason, message,
        attempts, upload.contentType(), upload.contentEncoding(), now, Optional.empty()), upload.body());
    telemetry.deadLettered(job.id(), encoded.records());
    log.atError().setMessage("logpush batch dead-lettered after the retry window").addKeyValue("job_id", job.id())
        .addKeyValue("key", upload.key()).addKeyValue("records", encoded.records()).addKeyValue("reason", reason)
        .addKeyValue("first_offset", origin.firstOffset().orElse(-1L)).addKeyValue("last_offset", origin.lastOffset().orElse(-1L))
        .addKeyValue("attempts", attempts).log();
  }

  private Duration jittered(int failures) {
    long cap = config.backoffMax().toMillis();
    long exp = config.backoffInitial().toMillis() << Math.min(failures - 1, 30);
    long bound = exp <= 0 || exp > cap ? cap : exp;
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(bound + 1));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** The worker is stopping; the batch stays where it is. */
  static final class StoppingException extends RuntimeException {
    StoppingException() {
      super("stopping", null, false, false);
    }
  }
}
