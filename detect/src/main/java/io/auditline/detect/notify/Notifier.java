package io.auditline.detect.notify;

/** A channel that tells a customer about an alert: a webhook, an email, ... */
public interface Notifier {

  /** One attempt (or, for {@link RetryingNotifier}, a bounded series of attempts); never throws for I/O. */
  NotifyOutcome send(AlertNotification notification);
}
