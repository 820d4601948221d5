package io.auditline.detect.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders the webhook payload, one JSON object (UTF-8, no trailing newline):
 *
 * <pre>{@code
 * {
 *   "version": 1,                          // payload schema version; fields are only ever added
 *   "type": "alert.firing",                // "alert.firing" or "alert.resolved"
 *   "delivery_id": "5b1e...",              // same as the X-Auditline-Delivery header; stable across retries
 *   "alert_id": "a-123",                   // one id per alert; its firing and resolving share it
 *   "state": "firing",                     // "firing" or "resolved"
 *   "account_id": "acc-1",
 *   "zone_id": "example.com",
 *   "detector": "seasonal-robust",         // which detector raised the alert
 *   "window": {"start": "2026-11-26T21:00:00Z", "end": "2026-11-26T21:05:00Z", "seconds": 300},
 *   "observed": 5120,                      // events in the window
 *   "expected": 140.5,                     // the baseline for the window
 *   "score": 0.97,                         // the detector's anomaly score ...
 *   "threshold": 0.5,                      // ... and the score at which it fires
 *   "top_rules": [{"name": "sqli-942100", "count": 4000}],        // highest counts first
 *   "top_client_ips": [{"name": "203.0.113.7", "count": 3900}],
 *   "top_countries": [{"name": "NL", "count": 4100}],             // ISO 3166-1 alpha-2
 *   "policy": {"id": "pol-1", "name": "Attack alerts"},           // the notification policy that matched
 *   "occurred_at": "2026-11-26T21:05:03Z"  // when the alert fired or resolved
 * }
 * }</pre>
 *
 * Times are ISO-8601 in UTC. Receivers should ignore fields they do not know.
 */
public final class NotificationJson {

  /** Bumped only if a field changes meaning or is removed. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NotificationJson() {}

  /** The payload as a tree, for callers that embed it. */
  public static ObjectNode tree(AlertNotification n) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    root.put("type", "alert." + n.state().wireName());
    root.put("delivery_id", n.deliveryId());
    root.put("alert_id", n.alertId());
    root.put("state", n.state().wireName());
    root.put("account_id", n.accountId());
    root.put("zone_id", n.zoneId());
    root.put("detector", n.detector());
    ObjectNode window = root.putObject("window");
    window.put("start", n.windowStart().toString());
    window.put("end", n.windowEnd().toString());
    window.put("seconds", n.windowEnd().getEpochSecond() - n.windowStart().getEpochSecond());
    root.put("observed", n.observed());
    root.put("expected", n.expected());
    root.put("score", n.score());
    root.put("threshold", n.threshold());
    counts(root.putArray("top_rules"), n.topRules());
    counts(root.putArray("top_client_ips"), n.topClientIps());
    counts(root.putArray("top_countries"), n.topCountries());
    ObjectNode policy = root.putObject("policy");
    policy.put("id", n.policyId());
    policy.put("name", n.policyName());
    root.put("occurred_at", n.occurredAt().toString());
    return root;
  }

  /** The exact bytes that are POSTed and signed. */
  public static byte[] bytes(AlertNotification n) {
    try {
      return MAPPER.writeValueAsString(tree(n)).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a tree of strings and numbers", e);
    }
  }

  private static void counts(ArrayNode array, List<NamedCount> counts) {
    for (NamedCount c : counts) {
      array.addObject().put("name", c.name()).put("count", c.count());
    }
  }
}
