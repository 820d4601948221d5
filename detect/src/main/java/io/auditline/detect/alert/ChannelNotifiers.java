package io.auditline.detect.alert;

import io.auditline.detect.notify.EmailNotifier;
import io.auditline.detect.notify.Notifier;
import io.auditline.detect.notify.NotifyOutcome;
import io.auditline.detect.notify.SmtpSettings;
import io.auditline.detect.notify.WebhookNotifier;
import io.auditline.detect.notify.WebhookSettings;
import io.auditline.detect.policy.Channel;
import io.auditline.platform.net.AddressGuard;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The notifier for a policy's channel: webhooks through the address guard, email through the operator's relay. */
public final class ChannelNotifiers {

  private final AddressGuard guard;
  private final Optional<SmtpSettings> smtp;
  private final Clock clock;

  public ChannelNotifiers(AddressGuard guard, Optional<SmtpSettings> smtp, Clock clock) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.smtp = Objects.requireNonNull(smtp, "smtp");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A notifier for one send; close it afterwards when it is {@link AutoCloseable}. */
  public Notifier forChannel(Channel channel) {
    return switch (channel) {
      case Channel.Webhook w -> new WebhookNotifier(new WebhookSettings(w.url(), w.secret().orElse("")), guard, clock);
      case Channel.Email e -> smtp.<Notifier>map(s -> new EmailNotifier(s, e.to(), clock))
          .orElse(n -> new NotifyOutcome.Rejected("no_smtp", "no SMTP relay is configured on this server (detect.smtp)"));
    };
  }
}
