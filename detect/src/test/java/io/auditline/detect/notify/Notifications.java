package io.auditline.detect.notify;

import java.time.Instant;
import java.util.List;

/** Sample notifications for tests. */
final class Notifications {

  private Notifications() {}

  static AlertNotification firing() {
    return sample(AlertState.FIRING);
  }

  static AlertNotification sample(AlertState state) {
    Instant start = Instant.parse("2026-11-26T21:00:00Z");
    return new AlertNotification("acc-1", "shop.example.com", "alert-42", state, "seasonal-robust",
        start, start.plusSeconds(300), 5120, 140.5, 0.97, 0.5,
        List.of(new NamedCount("sqli-942100", 4000), new NamedCount("xss-941100", 900)),
        List.of(new NamedCount("203.0.113.7", 3900)),
        List.of(new NamedCount("NL", 4100), new NamedCount("US", 800)),
        "pol-1", "Attack alerts", start.plusSeconds(303));
  }
}
