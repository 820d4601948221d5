package io.auditline.detect.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationJsonTest {

  @Test
  void hasExactlyTheDocumentedFields() throws IOException {
    JsonNode json = new ObjectMapper().readTree(NotificationJson.bytes(Notifications.firing()));

    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("version", "type", "delivery_id", "alert_id", "state", "account_id", "zone_id",
        "detector", "window", "observed", "expected", "score", "threshold", "top_rules", "top_client_ips",
        "top_countries", "policy", "occurred_at");
    assertThat(json.path("version").asInt()).isEqualTo(NotificationJson.VERSION);
  }

  @Test
  void namesTheResolvedState() throws IOException {
    JsonNode json = new ObjectMapper().readTree(NotificationJson.bytes(Notifications.sample(AlertState.RESOLVED)));

    assertThat(json.path("type").asText()).isEqualTo("alert.resolved");
    assertThat(json.path("state").asText()).isEqualTo("resolved");
    assertThat(json.path("delivery_id").asText()).isEqualTo(Notifications.sample(AlertState.RESOLVED).deliveryId());
  }

  @Test
  void emailHtmlEscapesCustomerText() {
    AlertNotification n = Notifications.firing();
    AlertNotification hostile = new AlertNotification(n.accountId(), n.zoneId(), n.alertId(), n.state(), n.detector(),
        n.windowStart(), n.windowEnd(), n.observed(), n.expected(), n.score(), n.threshold(),
        List.of(new NamedCount("<script>alert(1)</script>", 3)), n.topClientIps(), n.topCountries(), n.policyId(),
        "Tom & \"Jerry\"", n.occurredAt());

    EmailContent content = EmailContent.of(hostile);

    assertThat(content.html()).doesNotContain("<script>").contains("&lt;script&gt;", "Tom &amp; &quot;Jerry&quot;");
    assertThat(content.text()).contains("<script>alert(1)</script> (3)");
  }
}
