package io.auditline.app.cli.logpush;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders jobs for people: a summary after create and change, all settings and health for {@code get}, a table for {@code list}. */
final class JobText {

  private static final String ROW = "%-15s %s%n";
  private static final String TABLE = "%-36s  %-8s  %-9s  %-24s  %s%n";

  private JobText() {}

  /** Id, name, redacted destination and whether it is enabled. */
  static void summary(JsonNode job, PrintWriter out) {
    out.printf(ROW, "id", job.path("id").asText());
    out.printf(ROW, "name", job.path("name").asText());
    out.printf(ROW, "destination", job.path("destination").asText());
    out.printf(ROW, "enabled", job.path("enabled").asBoolean());
    out.printf(ROW, "ownership", ownership(job));
  }

  /** Every setting, then the health fields. */
  static void detail(JsonNode job, PrintWriter out) {
    summary(job, out);
    out.printf(ROW, "dataset", job.path("dataset").asText());
    out.printf(ROW, "output", output(job.path("output_options")));
    out.printf(ROW, "filter", job.path("filter").isObject() ? job.path("filter").toString() : "none");
    out.printf(ROW, "batches", "max_age %s, max_records %s, max_bytes %s".formatted(job.path("max_age").asText(),
        number(job.path("max_records").asLong()), number(job.path("max_bytes").asLong())));
    out.printf(ROW, "start_at", job.path("start_at").asText());
    out.printf(ROW, "revision", job.path("revision").asLong());
    JsonNode h = job.path("health");
    out.printf(ROW, "health", h.path("healthy").asBoolean(true) ? "healthy"
        : "UNHEALTHY (%d consecutive failures)".formatted(h.path("consecutive_failures").asInt()));
    out.printf(ROW, "last_complete", text(h.path("last_complete"), "never"));
    out.printf(ROW, "last_error", text(h.path("last_error"), "none"));
    out.printf(ROW, "error_message", text(h.path("error_message"), "-"));
    out.printf(ROW, "lag", "%s records, %d s".formatted(number(h.path("lag_records").asLong()), h.path("lag_seconds").asLong()));
    out.printf(ROW, "dead_letters", number(h.path("dead_letters_pending").asLong()) + " pending");
  }

  static void tableHeader(PrintWriter out) {
    out.printf(TABLE, "ID", "ENABLED", "HEALTH", "NAME", "DESTINATION");
  }

  static void tableRow(JsonNode job, PrintWriter out) {
    out.printf(TABLE, job.path("id").asText(), job.path("enabled").asBoolean() ? "yes" : "no",
        job.path("health").path("healthy").asBoolean(true) ? "ok" : "unhealthy", job.path("name").asText(),
        job.path("destination").asText());
  }

  /** {@code 1,234,567}. */
  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String ownership(JsonNode job) {
    JsonNode at = job.path("ownership_verified_at");
    return at.isTextual() ? "verified " + at.asText() : "not verified (prove it to enable the job)";
  }

  private static String output(JsonNode options) {
    List<String> parts = new ArrayList<>();
    parts.add(options.path("format").asText("ndjson"));
    parts.add(options.path("compression").asText("gzip"));
    parts.add("timestamps " + options.path("timestamp_format").asText("rfc3339"));
    double rate = options.path("sample_rate").asDouble(1.0);
    if (rate < 1.0) {
      parts.add("sample_rate " + rate);
    }
    List<String> fields = new ArrayList<>();
    options.path("fields").forEach(f -> fields.add(f.asText()));
    parts.add(fields.isEmpty() ? "all fields" : "fields " + String.join(",", fields));
    return String.join(", ", parts);
  }

  private static String text(JsonNode node, String absent) {
    return node.isNull() || node.isMissingNode() ? absent : node.asText();
  }
}
