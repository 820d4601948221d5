package io.auditline.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against GreenMail's SMTP server, on a free port in the test JVM. */
class EmailNotifierIT {

  @RegisterExtension
  static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts@auditline.example", "alerts", "smtp-pass-123"));

  @Test
  void deliversASummaryOfTheAlert() throws Exception {
    EmailNotifier notifier = new EmailNotifier(settings(Optional.empty(), Optional.empty()), List.of("soc@shop.example.com"),
        Clock.systemUTC());

    assertThat(notifier.send(Notifications.firing())).isInstanceOf(NotifyOutcome.Delivered.class);

    await().atMost(Duration.ofSeconds(10)).until(() -> GREENMAIL.getReceivedMessages().length == 1);
    MimeMessage message = GREENMAIL.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("[Auditline] Attack on zone shop.example.com: 5120 events in 5 min (firing)");
    assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@auditline.example");
    assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("soc@shop.example.com");
    assertThat(message.getHeader("X-Auditline-Delivery")).containsExactly(Notifications.firing().deliveryId());
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    String text = GreenMailUtil.getBody(parts.getBodyPart(0));
    assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
    assertThat(text).contains("Zone: shop.example.com", "Observed events: 5120", "Expected (baseline): 140.50",
        "sqli-942100 (4000)", "203.0.113.7 (3900)", "NL (4100)");
    assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
    assertThat(GreenMailUtil.getBody(parts.getBodyPart(1))).contains("shop.example.com", "5120", "<table>");
  }

  @Test
  void authenticatesWhenGivenCredentials() {
    EmailNotifier notifier = new EmailNotifier(settings(Optional.of("alerts"), Optional.of("smtp-pass-123")),
        List.of("soc@shop.example.com"), Clock.systemUTC());

    assertThat(notifier.send(Notifications.sample(AlertState.RESOLVED))).isInstanceOf(NotifyOutcome.Delivered.class);

    await().atMost(Duration.ofSeconds(10)).until(() -> GREENMAIL.getReceivedMessages().length == 1);
    assertThat(GreenMailUtil.getHeaders(GREENMAIL.getReceivedMessages()[0])).contains("(resolved)");
  }

  @Test
  void aServerThatIsNotListeningIsRetried() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    EmailNotifier notifier = new EmailNotifier(SmtpSettings.plain("127.0.0.1", closedPort, "alerts@auditline.example"),
        List.of("soc@shop.example.com"), Clock.systemUTC());

    assertThat(notifier.send(Notifications.firing())).isInstanceOf(NotifyOutcome.Retry.class);
  }

  @Test
  void rejectsInvalidRecipientsAtConstruction() {
    assertThatThrownBy(() -> new EmailNotifier(settings(Optional.empty(), Optional.empty()), List.of("not an address"),
        Clock.systemUTC())).hasMessageContaining("recipient: not an address");
  }

  private static SmtpSettings settings(Optional<String> username, Optional<String> password) {
    return new SmtpSettings("127.0.0.1", GREENMAIL.getSmtp().getPort(), false, username, password,
        "alerts@auditline.example", Duration.ofSeconds(5));
  }
}
