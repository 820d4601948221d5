package io.auditline.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.platform.lifecycle.Health;
import io.auditline.platform.lifecycle.HealthReport;
import java.io.UncheckedIOException;

/**
 * Renders a {@link HealthReport} as {@code {"status":"UP","state":"RUNNING","components":{"kafka":
 * {"status":"DOWN","reason":"..."}}}}.
 */
final class HealthJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private HealthJson() {}

  static String render(HealthReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("status", report.ok() ? "UP" : "DOWN");
    root.put("state", report.state());
    ObjectNode components = root.putObject("components");
    report.components().forEach((name, health) -> {
      ObjectNode node = components.putObject(name);
      switch (health) {
        case Health.Healthy h -> node.put("status", "UP");
        case Health.Unhealthy u -> node.put("status", "DOWN").put("reason", u.reason());
      }
    });
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
