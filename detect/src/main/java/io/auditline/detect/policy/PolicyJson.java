package io.auditline.detect.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Policies as JSON, in the same shape clients send: redacted for answers ({@code secret: "REDACTED"},
 * {@code has_secret}), with secrets for storage.
 */
public final class PolicyJson {

  public static final String REDACTED = "REDACTED";
  static final ObjectMapper JSON = new ObjectMapper();

  private PolicyJson() {}

  /** The policy as answered to clients: identity, times, and the spec with secrets redacted. */
  public static ObjectNode answer(AlertPolicy p) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", p.id().toString());
    o.setAll(spec(p.spec(), true));
    o.put("created_at", p.createdAt().toString());
    o.put("updated_at", p.updatedAt().toString());
    return o;
  }

  /** The spec in the wire shape; {@code redact} replaces webhook secrets. */
  public static ObjectNode spec(PolicySpec s, boolean redact) {
    ObjectNode o = JSON.createObjectNode();
    o.put("name", s.name());
    o.put("enabled", s.enabled());
    switch (s.zones()) {
      case ZoneScope.AllZones all -> o.put("zones", "all");
      case ZoneScope.Listed listed -> strings(o.putArray("zones"), listed.zoneIds());
    }
    ObjectNode f = o.putObject("filters");
    strings(f.putArray("actions"), s.filters().actions());
    strings(f.putArray("sources"), s.filters().sources());
    strings(f.putArray("rules"), s.filters().rules());
    strings(f.putArray("hosts"), s.filters().hosts());
    strings(f.putArray("path_prefixes"), s.filters().pathPrefixes());
    strings(f.putArray("countries"), s.filters().countries());
    o.put("detector", s.detector().wireName());
    switch (s.sensitivity()) {
      case Sensitivity.Level level -> o.put("sensitivity", level.wireName());
      case Sensitivity.Numeric n -> o.put("sensitivity", n.value());
    }
    o.put("min_volume", s.minVolume());
    o.put("cooldown", Durations.format(s.cooldown()));
    ArrayNode channels = o.putArray("channels");
    for (Channel c : s.channels()) {
      ObjectNode ch = channels.addObject();
      switch (c) {
        case Channel.Webhook w -> {
          ch.put("type", "webhook").put("url", w.url().toString());
          w.secret().ifPresent(secret -> ch.put("secret", redact ? REDACTED : secret));
          if (redact) {
            ch.put("has_secret", w.secret().isPresent());
          }
        }
        case Channel.Email e -> strings(ch.put("type", "email").putArray("to"), e.to());
      }
    }
    return o;
  }

  /** The webhook secrets of a spec by URL, which a PATCH may keep by sending {@code "REDACTED"}. */
  public static Map<URI, String> secrets(PolicySpec s) {
    Map<URI, String> secrets = new HashMap<>();
    for (Channel c : s.channels()) {
      if (c instanceof Channel.Webhook w && w.secret().isPresent()) {
        secrets.put(w.url(), w.secret().get());
      }
    }
    return secrets;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
