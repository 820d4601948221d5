package io.auditline.detect.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Emails an alert through the operator's SMTP relay: a multipart/alternative message with a plain
 * text and a simple HTML part. One attempt per {@link #send}. A 4xx SMTP answer or a connection
 * failure is retried; a 5xx answer, failed authentication or refused recipients are rejected.
 */
public final class EmailNotifier implements Notifier {

  private final SmtpSettings settings;
  private final List<InternetAddress> to;
  private final Session session;
  private final Clock clock;

  /**
   * @throws IllegalArgumentException naming the first recipient that is not an email address
   */
  public EmailNotifier(SmtpSettings settings, List<String> recipients, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(recipients, "recipients");
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("recipients: empty (expected: at least one address)");
    }
    this.to = recipients.stream().map(EmailNotifier::address).toList();
    this.session = Session.getInstance(properties(settings));
  }

  @Override
  public NotifyOutcome send(AlertNotification notification) {
    EmailContent content = EmailContent.of(notification);
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(settings.from()));
      message.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
      message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(Date.from(clock.instant()));
      message.setHeader("X-Auditline-Delivery", notification.deliveryId());
      MimeBodyPart text = new MimeBodyPart();
      text.setText(content.text(), StandardCharsets.UTF_8.name());
      MimeBodyPart html = new MimeBodyPart();
      html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
      message.setContent(new MimeMultipart("alternative", text, html));
      if (settings.username().isPresent()) {
        Transport.send(message, settings.username().get(), settings.password().orElseThrow());
      } else {
        Transport.send(message);
      }
      return new NotifyOutcome.Delivered();
    } catch (MessagingException e) {
      return outcome(e);
    }
  }

  private NotifyOutcome outcome(MessagingException e) {
    String where = settings.host() + ":" + settings.port();
    if (e instanceof AuthenticationFailedException) {
      return new NotifyOutcome.Rejected("auth_failed", "SMTP authentication at %s failed".formatted(where));
    }
    for (Exception t = e; t != null; t = t instanceof MessagingException m ? m.getNextException() : null) {
      if (t instanceof SMTPSendFailedException smtp) {
        int code = smtp.getReturnCode();
        String message = "%s answered %d".formatted(where, code);
        return code >= 500 ? new NotifyOutcome.Rejected("smtp_rejected", message) : new NotifyOutcome.Retry("smtp_deferred", message);
      }
    }
    if (e instanceof SendFailedException sent && sent.getInvalidAddresses() != null && sent.getInvalidAddresses().length > 0) {
      return new NotifyOutcome.Rejected("invalid_recipient", "%s refused the recipients".formatted(where));
    }
    return new NotifyOutcome.Retry("io", "cannot send through %s: %s".formatted(where, e.getClass().getSimpleName()));
  }

  private static Properties properties(SmtpSettings s) {
    Properties p = new Properties();
    String timeout = Long.toString(s.timeout().toMillis());
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", s.host());
    p.setProperty("mail.smtp.port", Integer.toString(s.port()));
    p.setProperty("mail.smtp.connectiontimeout", timeout);
    p.setProperty("mail.smtp.timeout", timeout);
    p.setProperty("mail.smtp.writetimeout", timeout);
    p.setProperty("mail.smtp.from", s.from());
    p.setProperty("mail.smtp.auth", Boolean.toString(s.username().isPresent()));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(s.startTls()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(s.startTls()));
    if (s.startTls()) {
      p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    }
    return p;
  }

  private static InternetAddress address(String recipient) {
    try {
      InternetAddress address = new InternetAddress(recipient, true);
      address.validate();
      return address;
    } catch (AddressException e) {
      throw new IllegalArgumentException("recipient: %s (expected: an email address)".formatted(recipient), e);
    }
  }

  @Override
  public String toString() {
    return "EmailNotifier[" + settings + ", to=" + to.size() + " recipients]";
  }
}
