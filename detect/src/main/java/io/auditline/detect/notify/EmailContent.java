package io.auditline.detect.notify;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The subject and the plain-text and HTML bodies of an alert email. */
record EmailContent(String subject, String text, String html) {

  static EmailContent of(AlertNotification n) {
    String window = human(Duration.between(n.windowStart(), n.windowEnd()));
    String subject = "[Auditline] Attack on zone %s: %d events in %s (%s)".formatted(
        n.zoneId(), n.observed(), window, n.state().wireName());
    List<String[]> rows = List.of(
        row("Zone", n.zoneId()),
        row("State", n.state().wireName()),
        row("Window", n.windowStart() + " to " + n.windowEnd() + " (" + window + ")"),
        row("Observed events", Long.toString(n.observed())),
        row("Expected (baseline)", format(n.expected())),
        row("Score", format(n.score()) + " (threshold " + format(n.threshold()) + ")"),
        row("Detector", n.detector()),
        row("Top rules", top(n.topRules())),
        row("Top client IPs", top(n.topClientIps())),
        row("Top countries", top(n.topCountries())),
        row("Policy", n.policyName() + " (" + n.policyId() + ")"),
        row("Alert id", n.alertId()),
        row("Occurred at", n.occurredAt().toString()));
    StringBuilder text = new StringBuilder(subject.substring("[Auditline] ".length())).append("\n\n");
    StringBuilder html = new StringBuilder("<html><body><h2>").append(escape(subject)).append("</h2><table>");
    for (String[] r : rows) {
      text.append(r[0]).append(": ").append(r[1]).append('\n');
      html.append("<tr><th align=\"left\">").append(escape(r[0])).append("</th><td>").append(escape(r[1])).append("</td></tr>");
    }
    html.append("</table></body></html>");
    return new EmailContent(subject, text.toString(), html.toString());
  }

  private static String[] row(String name, String value) {
    return new String[] {name, value};
  }

  private static String top(List<NamedCount> counts) {
    if (counts.isEmpty()) {
      return "-";
    }
    return String.join(", ", counts.stream().map(c -> c.name() + " (" + c.count() + ")").toList());
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String human(Duration d) {
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + " h";
    }
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  /** Zone names and rule ids come from customers; none may become markup. */
  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
