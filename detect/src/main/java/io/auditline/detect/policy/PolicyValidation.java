package io.auditline.detect.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an alert-policy body into a {@link PolicySpec}, or names every invalid field by its JSON
 * path: unknown keys, wrong types, values outside their vocabulary or limits.
 */
public final class PolicyValidation {

  static final Set<String> KEYS = Set.of("name", "enabled", "zones", "filters", "detector", "sensitivity", "min_volume",
      "cooldown", "channels");
  static final Set<String> FILTER_KEYS = Set.of("actions", "sources", "rules", "hosts", "path_prefixes", "countries");
  /** The actions security events carry. */
  static final Set<String> ACTIONS = Set.of("allow", "block", "challenge", "js_challenge", "managed_challenge", "log",
      "skip");
  static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  static final int MAX_ZONES = 100;
  static final int MAX_FILTER_VALUES = 50;
  static final long MAX_MIN_VOLUME = 1_000_000_000L;
  static final Duration MIN_COOLDOWN = Duration.ofMinutes(1);
  static final Duration MAX_COOLDOWN = Duration.ofDays(7);
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9_]{1,64}");
  private static final Pattern HOST = Pattern.compile(
      "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  private PolicyValidation() {}

  /** Reads a new policy. */
  public static ParsedPolicy parse(ObjectNode body) {
    return parse(body, Map.of());
  }

  /** Reads a policy; a webhook's {@code "secret": "REDACTED"} keeps {@code storedSecrets}' secret of its URL. */
  public static ParsedPolicy parse(ObjectNode body, Map<URI, String> storedSecrets) {
    return parse(body, storedSecrets, false);
  }

  /**
   * As {@link #parse(ObjectNode, Map)}; {@code plaintextWebhooks} also admits {@code http://} webhook URLs
   * (an operator's choice for development; the notifier still connects only to addresses the guard allows).
   */
  public static ParsedPolicy parse(ObjectNode body, Map<URI, String> storedSecrets, boolean plaintextWebhooks) {
    Fields f = new Fields();
    f.onlyKeys(body, "", KEYS);
    Optional<String> name = body.has("name") ? f.string(body.get("name"), "name", 100) : missing(f, "name");
    boolean enabled = present(body, "enabled") ? f.bool(body.get("enabled"), "enabled").orElse(true) : true;
    ZoneScope zones = present(body, "zones") ? zones(f, body.get("zones")) : new ZoneScope.AllZones();
    PolicyFilters filters = present(body, "filters") ? filters(f, body.get("filters")) : PolicyFilters.NONE;
    DetectorKind detector = present(body, "detector") ? detector(f, body.get("detector")) : DetectorKind.OURS;
    Sensitivity sensitivity = present(body, "sensitivity") ? sensitivity(f, body.get("sensitivity"))
        : Sensitivity.Level.MEDIUM;
    long minVolume = present(body, "min_volume")
        ? f.integer(body.get("min_volume"), "min_volume", 0, MAX_MIN_VOLUME).orElse(0L) : 100;
    Duration cooldown = present(body, "cooldown") ? cooldown(f, body.get("cooldown")) : Duration.ofMinutes(15);
    List<Channel> channels = body.has("channels") ? ChannelValidation.channels(f, body.get("channels"), storedSecrets, plaintextWebhooks)
        : missing(f, "channels").map(x -> List.<Channel>of()).orElse(List.of());
    if (!f.errors.isEmpty()) {
      return new ParsedPolicy.Invalid(f.errors);
    }
    return new ParsedPolicy.Valid(new PolicySpec(name.orElseThrow(), enabled, zones, filters, detector, sensitivity,
        minVolume, cooldown, channels));
  }

  private static boolean present(ObjectNode body, String key) {
    return body.has(key) && !body.get(key).isNull();
  }

  private static Optional<String> missing(Fields f, String path) {
    f.reject(path, "missing (expected: present)");
    return Optional.empty();
  }

  private static ZoneScope zones(Fields f, JsonNode node) {
    if (node.isTextual() && node.asText().equals("all")) {
      return new ZoneScope.AllZones();
    }
    if (!node.isArray()) {
      f.reject("zones", "%s (expected: \"all\" or an array of zone ids)".formatted(Fields.kind(node)));
      return new ZoneScope.AllZones();
    }
    if (node.isEmpty()) {
      f.reject("zones", "[] (expected: \"all\" or at least one zone id)");
      return new ZoneScope.AllZones();
    }
    List<String> ids = f.strings(node, "zones", MAX_ZONES, 64, s -> true, "a zone id");
    return ids.isEmpty() ? new ZoneScope.AllZones() : new ZoneScope.Listed(ids);
  }

  private static PolicyFilters filters(Fields f, JsonNode node) {
    Optional<ObjectNode> o = f.object(node, "filters");
    if (o.isEmpty()) {
      return PolicyFilters.NONE;
    }
    ObjectNode filters = o.get();
    f.onlyKeys(filters, "filters.", FILTER_KEYS);
    return new PolicyFilters(
        list(f, filters, "actions", 128, ACTIONS::contains, "one of " + String.join(", ", ACTIONS.stream().sorted().toList())),
        list(f, filters, "sources", 64, s -> IDENTIFIER.matcher(s).matches(), "a source id of a-z, 0-9 and _"),
        list(f, filters, "rules", 128, s -> true, "a rule id"),
        list(f, filters, "hosts", 253, s -> HOST.matcher(s).matches(), "a lowercase host name, optionally *.-prefixed"),
        list(f, filters, "path_prefixes", 1024, s -> s.startsWith("/"), "a path starting with /"),
        list(f, filters, "countries", 2, COUNTRIES::contains, "an ISO 3166-1 alpha-2 code in upper case, e.g. DE"));
  }

  private static List<String> list(Fields f, ObjectNode filters, String key, int maxLength,
      java.util.function.Predicate<String> valid, String expected) {
    JsonNode node = filters.get(key);
    if (node == null || node.isNull()) {
      return List.of();
    }
    return f.strings(node, "filters." + key, MAX_FILTER_VALUES, maxLength, valid, expected);
  }

  private static DetectorKind detector(Fields f, JsonNode node) {
    Optional<DetectorKind> kind = Arrays.stream(DetectorKind.values())
        .filter(k -> node.isTextual() && k.wireName().equals(node.asText())).findFirst();
    if (kind.isEmpty()) {
      f.reject("detector", "%s (expected: one of anchor, ours)".formatted(Fields.kind(node)));
    }
    return kind.orElse(DetectorKind.OURS);
  }

  private static Sensitivity sensitivity(Fields f, JsonNode node) {
    if (node.isNumber() && node.asDouble() > 0 && node.asDouble() <= 1) {
      return new Sensitivity.Numeric(node.asDouble());
    }
    Optional<Sensitivity.Level> level = Arrays.stream(Sensitivity.Level.values())
        .filter(l -> node.isTextual() && l.wireName().equals(node.asText())).findFirst();
    if (level.isEmpty()) {
      f.reject("sensitivity", "%s (expected: one of low, medium, high, or a number > 0 and <= 1)"
          .formatted(Fields.kind(node)));
    }
    return level.orElse(Sensitivity.Level.MEDIUM);
  }

  private static Duration cooldown(Fields f, JsonNode node) {
    Optional<Duration> d = node.isTextual() ? Durations.parse(node.asText()) : Optional.empty();
    if (d.isEmpty()) {
      f.reject("cooldown", "%s (expected: a duration such as \"90s\", \"15m\", \"2h\" or \"1d\")".formatted(Fields.kind(node)));
    } else if (d.get().compareTo(MIN_COOLDOWN) < 0 || d.get().compareTo(MAX_COOLDOWN) > 0) {
      f.reject("cooldown", "\"%s\" (expected: from 1m to 7d)".formatted(node.asText()));
    } else {
      return d.get();
    }
    return Duration.ofMinutes(15);
  }
}
