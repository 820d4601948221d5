package io.auditline.detect.rollup;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;

/** The counts of one zone's security events in one minute, accumulated in memory with bounded maps. */
public final class MinuteRollup {

  /** Distinct keys counted exactly per dimension and minute; later keys go to "other". */
  static final int MAX_TRACKED_KEYS = 1_000;
  static final int TOP_RULES = 50;
  static final int TOP_HOSTS = 20;
  static final int TOP_COUNTRIES = 10;
  static final int TOP_IPS = 10;
  // Actions and sources are small closed vocabularies, but nothing upstream enforces that.
  static final int TOP_ACTIONS = 50;
  static final int TOP_SOURCES = 50;

  private final String accountId;
  private final String zoneId;
  private final Instant minute;
  private long total;
  private final BoundedCounts actions = new BoundedCounts(MAX_TRACKED_KEYS);
  private final BoundedCounts sources = new BoundedCounts(MAX_TRACKED_KEYS);
  private final BoundedCounts rules = new BoundedCounts(MAX_TRACKED_KEYS);
  private final BoundedCounts hosts = new BoundedCounts(MAX_TRACKED_KEYS);
  private final BoundedCounts countries = new BoundedCounts(MAX_TRACKED_KEYS);
  private final BoundedCounts ips = new BoundedCounts(MAX_TRACKED_KEYS);
  /** Bounded by the account's number of filtered policies, so counted exactly. */
  private final Map<String, Long> policies = new TreeMap<>();

  public MinuteRollup(String accountId, String zoneId, Instant minute) {
    this.accountId = Objects.requireNonNull(accountId, "accountId");
    this.zoneId = Objects.requireNonNull(zoneId, "zoneId");
    if (!minute.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
      throw new IllegalArgumentException("minute: %s (expected: a whole minute)".formatted(minute));
    }
    this.minute = minute;
  }

  /** The minute an observation falls into. */
  public static Instant minuteOf(SecurityObservation o) {
    return o.occurredAt().truncatedTo(ChronoUnit.MINUTES);
  }

  public void add(SecurityObservation o) {
    add(o, List.of());
  }

  /** Counts {@code o}, also for each of the filtered policies whose filters it matches. */
  public void add(SecurityObservation o, List<String> matchingPolicies) {
    if (!o.zoneId().equals(zoneId) || !minuteOf(o).equals(minute)) {
      throw new IllegalArgumentException("observation of zone %s at %s (expected: zone %s in minute %s)"
          .formatted(o.zoneId(), o.occurredAt(), zoneId, minute));
    }
    total++;
    actions.add(o.action());
    sources.add(o.source());
    rules.add(o.ruleId());
    hosts.add(o.host());
    countries.add(o.country());
    ips.add(o.clientIp());
    matchingPolicies.forEach(p -> policies.merge(p, 1L, Long::sum));
  }

  public String accountId() {
    return accountId;
  }

  public String zoneId() {
    return zoneId;
  }

  public Instant minute() {
    return minute;
  }

  public long total() {
    return total;
  }

  public Map<String, Long> byAction() {
    return actions.top(TOP_ACTIONS);
  }

  public Map<String, Long> bySource() {
    return sources.top(TOP_SOURCES);
  }

  public Map<String, Long> byRule() {
    return rules.top(TOP_RULES);
  }

  public Map<String, Long> byHost() {
    return hosts.top(TOP_HOSTS);
  }

  public Map<String, Long> topCountries() {
    return countries.top(TOP_COUNTRIES);
  }

  public Map<String, Long> topIps() {
    return ips.top(TOP_IPS);
  }

  public Map<String, Long> byPolicy() {
    return Collections.unmodifiableMap(policies);
  }
}
