package io.auditline.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void smtpSettingsNeverPrintThePassword() {
    SmtpSettings s = new SmtpSettings("smtp.example.com", 587, true, Optional.of("alerts"), Optional.of("hunter2-secret"),
        "alerts@example.com", Duration.ofSeconds(5));

    assertThat(s.toString()).contains("alerts", "REDACTED").doesNotContain("hunter2-secret");
  }

  @Test
  void smtpSettingsRejectHalfCredentialsAndBadPorts() {
    assertThatThrownBy(() -> new SmtpSettings("h", 25, false, Optional.of("u"), Optional.empty(), "a@b", Duration.ofSeconds(1)))
        .hasMessageContaining("username and password");
    assertThatThrownBy(() -> SmtpSettings.plain("h", 0, "a@b")).hasMessageContaining("port: 0");
    assertThatThrownBy(() -> SmtpSettings.plain("h", 25, "nobody")).hasMessageContaining("from: nobody");
  }

  @Test
  void webhookSettingsNeverPrintTheSecretOrQuery() {
    WebhookSettings s = new WebhookSettings(URI.create("https://hooks.example.com/in?token=abc"), "whsec_0123456789abcdef");

    assertThat(s.toString()).contains("https://hooks.example.com/in").doesNotContain("whsec_", "token");
  }

  @Test
  void webhookSettingsRejectOtherSchemesAndShortSecrets() {
    assertThatThrownBy(() -> new WebhookSettings(URI.create("ftp://h/x"), "whsec_0123456789abcdef"))
        .hasMessageContaining("scheme ftp");
    assertThatThrownBy(() -> new WebhookSettings(URI.create("https://h/x"), "short")).hasMessageContaining("secret: 5");
  }

  @Test
  void alertNotificationRejectsAnEmptyWindow() {
    AlertNotification n = Notifications.firing();
    assertThatThrownBy(() -> new AlertNotification(n.accountId(), n.zoneId(), n.alertId(), n.state(), n.detector(),
        n.windowStart(), n.windowStart(), n.observed(), n.expected(), n.score(), n.threshold(), n.topRules(),
        n.topClientIps(), n.topCountries(), n.policyId(), n.policyName(), n.occurredAt()))
        .hasMessageContaining("windowEnd");
  }

  @Test
  void deliveryIdIsStablePerAlertAndState() {
    assertThat(Notifications.firing().deliveryId()).isEqualTo(Notifications.firing().deliveryId());
    assertThat(Notifications.sample(AlertState.RESOLVED).deliveryId()).isNotEqualTo(Notifications.firing().deliveryId());
  }
}
