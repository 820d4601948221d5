package io.auditline.detect.alert;

import io.auditline.detect.notify.AlertNotification;
import io.auditline.detect.notify.AlertState;
import io.auditline.detect.notify.Backoff;
import io.auditline.detect.notify.Notifier;
import io.auditline.detect.notify.NotifyOutcome;
import io.auditline.detect.policy.AlertPolicy;
import io.auditline.detect.policy.Channel;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued alert notifications: leases due rows (any instance may; a lease keeps two from
 * sending the same row at once), makes one attempt each, and records the outcome. A transient
 * failure is retried later with capped exponential backoff and full jitter (or the receiver's
 * Retry-After when longer) until {@link Backoff#maxAttempts()}; a permanent one ends at once. The
 * channel is read from the policy at send time, so a fixed URL or secret applies to pending rows.
 * Delivery is at least once: receivers drop repeats by {@code X-Auditline-Delivery}.
 */
public final class NotificationDispatcher implements Component {

  /** Up to 12 attempts, 2 s doubling to 5 minutes between them. */
  public static final Backoff BACKOFF = new Backoff(12, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(1));
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final int BATCH = 20;
  private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
  public static final String SCOPE = "io.auditline.detect";
  static final String SPAN = "detect.notify";

  private final NotificationOutbox outbox;
  private final AlertRepository alerts;
  private final PolicyRepository policies;
  private final ChannelNotifiers notifiers;
  private final DispatchTelemetry telemetry;
  private final Backoff backoff;
  private final Duration poll;
  private final Clock clock;
  private final Tracer tracer;
  private final Thread thread = Thread.ofPlatform().name("detect-notify").unstarted(this::run);
  private volatile boolean running = true;
  private volatile Throwable failure;

  public NotificationDispatcher(DataSource dataSource, PolicyRepository policies, ChannelNotifiers notifiers,
      DispatchTelemetry telemetry, Backoff backoff, Duration poll, Clock clock) {
    this(dataSource, policies, notifiers, telemetry, backoff, poll, clock, OpenTelemetry.noop().getTracer(SCOPE));
  }

  /** With {@code tracer}, every attempt is a {@value #SPAN} span (alert, zone, channel, attempt, outcome). */
  public NotificationDispatcher(DataSource dataSource, PolicyRepository policies, ChannelNotifiers notifiers,
      DispatchTelemetry telemetry, Backoff backoff, Duration poll, Clock clock, Tracer tracer) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
    this.outbox = new NotificationOutbox(dataSource);
    this.alerts = new AlertRepository(dataSource);
    this.policies = Objects.requireNonNull(policies, "policies");
    this.notifiers = Objects.requireNonNull(notifiers, "notifiers");
    this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.poll = Objects.requireNonNull(poll, "poll");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "detect-notify";
  }

  @Override
  public void start() {
    thread.start();
  }

  @Override
  public Health check() {
    Throwable f = failure;
    return f == null ? Health.healthy() : Health.unhealthy("notification sender stopped: " + f);
  }

  private void run() {
    try {
      while (running) {
        int sent;
        try {
          sent = dispatchOnce();
        } catch (AlertStoreException e) {
          log.atWarn().setMessage("cannot read the notification queue; retrying").setCause(e).log();
          sent = 0;
        }
        if (sent == 0) {
          Thread.sleep(poll.toMillis());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
      log.atError().setMessage("notification sender failed").setCause(t).log();
    }
  }

  /** Leases and attempts the due notifications once; returns how many it attempted. */
  public int dispatchOnce() {
    List<NotificationOutbox.Leased> due = outbox.lease(BATCH, LEASE, clock.instant());
    for (NotificationOutbox.Leased n : due) {
      attempt(n);
    }
    return due.size();
  }

  private void attempt(NotificationOutbox.Leased n) {
    Optional<Alert> alert = alerts.get(n.alertId());
    Optional<AlertPolicy> policy = alert.flatMap(a -> policies.get(a.accountId(), a.policyId()));
    if (alert.isEmpty() || policy.isEmpty() || n.channelIndex() >= policy.get().spec().channels().size()) {
      finish(n, new NotifyOutcome.Rejected("channel_gone", "the policy or its channel no longer exists"));
      return;
    }
    Channel channel = policy.get().spec().channels().get(n.channelIndex());
    Notifier notifier = notifiers.forChannel(channel);
    Span span = tracer.spanBuilder(SPAN).setSpanKind(SpanKind.CLIENT).startSpan();
    if (span.isRecording()) {
      span.setAttribute("auditline.alert.id", n.alertId().toString());
      span.setAttribute("auditline.alert.state", n.state().wireName());
      span.setAttribute("auditline.zone.id", alert.get().zoneId());
      span.setAttribute("auditline.channel.type", channel instanceof Channel.Webhook ? "webhook" : "email");
      span.setAttribute("auditline.attempt", n.attempt());
    }
    NotifyOutcome outcome;
    try (Scope ignored = span.makeCurrent()) {
      outcome = notifier.send(notification(alert.get(), n.state()));
    } catch (RuntimeException e) {
      outcome = new NotifyOutcome.Retry("error", e.toString());
    } finally {
      if (notifier instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          log.atDebug().setMessage("closing a notifier failed").setCause(e).log();
        }
      }
    }
    if (span.isRecording()) {
      span.setAttribute("auditline.outcome", switch (outcome) {
        case NotifyOutcome.Delivered d -> "delivered";
        case NotifyOutcome.Retry r -> "retry:" + r.reason();
        case NotifyOutcome.Rejected r -> "rejected:" + r.reason();
      });
    }
    span.end();
    finish(n, outcome);
  }

  private void finish(NotificationOutbox.Leased n, NotifyOutcome outcome) {
    Instant now = clock.instant();
    switch (outcome) {
      case NotifyOutcome.Delivered d -> {
        outbox.delivered(n.id(), now);
        telemetry.delivered();
      }
      case NotifyOutcome.Rejected r -> {
        outbox.failed(n.id(), r.reason() + ": " + r.message(), now);
        telemetry.failed(r.reason());
        log.atWarn().setMessage("alert notification refused; not retried").addKeyValue("notification_id", n.id())
            .addKeyValue("reason", r.reason()).addKeyValue("error", r.message()).log();
      }
      case NotifyOutcome.Retry r when n.attempt() >= backoff.maxAttempts() -> {
        outbox.failed(n.id(), r.reason() + ": " + r.message() + " (after " + n.attempt() + " attempts)", now);
        telemetry.failed(r.reason());
        log.atWarn().setMessage("alert notification failed; attempts exhausted").addKeyValue("notification_id", n.id())
            .addKeyValue("attempts", n.attempt()).addKeyValue("error", r.message()).log();
      }
      case NotifyOutcome.Retry r -> {
        Duration wait = backoff.delay(n.attempt(), ThreadLocalRandom.current().nextDouble());
        if (r.retryAfter().isPresent() && r.retryAfter().get().compareTo(wait) > 0) {
          wait = r.retryAfter().get();
        }
        outbox.retryAt(n.id(), now.plus(wait), r.reason() + ": " + r.message());
        telemetry.retried(r.reason());
      }
    }
  }

  static AlertNotification notification(Alert a, Alert.State state) {
    boolean firing = state == Alert.State.FIRING;
    Instant occurred = firing ? a.startedAt().plus(Duration.ofMinutes(1)) : a.resolvedAt().orElse(a.lastHotAt());
    return new AlertNotification(a.accountId(), a.zoneId(), a.id().toString(), firing ? AlertState.FIRING : AlertState.RESOLVED,
        a.detector(), a.windowStart(), a.windowEnd(), a.observed(), a.expected(), a.score(), a.threshold(), a.topRules(),
        a.topClientIps(), a.topCountries(), a.policyId().toString(), a.policyName(), occurred);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    if (thread.getState() != Thread.State.NEW) {
      thread.join(Duration.ofSeconds(30).toMillis());
    }
  }
}
