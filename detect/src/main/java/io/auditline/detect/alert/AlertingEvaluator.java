package io.auditline.detect.alert;

import io.auditline.detect.detector.Verdict;
import io.auditline.detect.notify.NamedCount;
import io.auditline.detect.policy.AlertPolicy;
import io.auditline.detect.policy.EnabledPolicies;
import io.auditline.detect.policy.PolicySpec;
import io.auditline.detect.rollup.RollupRepository;
import io.auditline.detect.rollup.ZoneTops;
import io.auditline.detect.schedule.ZoneEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one zone for one minute under every enabled policy that watches it: feeds the policy's
 * detector the zone's count (all events, or those the policy's filters matched), then moves the
 * alert along its lifecycle.
 *
 * <ul>
 *   <li><b>firing</b>: the detector alerts with at least {@code min_volume} events in its window and
 *       the policy's previous alert on the zone started more than {@code cooldown} ago. The alert and
 *       one "firing" notification per channel are written in one transaction.
 *   <li>while firing, every minute the detector is still above its threshold is recorded as hot;
 *   <li><b>resolved</b>: {@link #QUIET} after the last hot minute, with one "resolved" notification per channel.
 * </ul>
 *
 * <p>Detectors live in memory on the instance that owns the zone; a new owner (or a changed policy)
 * rebuilds one from the stored minutes, so a repeated evaluation of a minute sees the same history.
 * Alerts are keyed by (policy, zone, first minute), so repeating an evaluation opens nothing twice.
 */
public final class AlertingEvaluator implements ZoneEvaluator {

  /** How long a zone must stay below the threshold before its alert resolves. */
  public static final Duration QUIET = Duration.ofMinutes(10);
  /** The score at and above which a detector's minute counts as anomalous. */
  static final double THRESHOLD = 0.5;
  private static final int TOP = 5;
  private static final Duration IDLE_WATCH = Duration.ofMinutes(30);
  private static final Logger log = LoggerFactory.getLogger(AlertingEvaluator.class);

  private record WatchKey(UUID policyId, String zoneId) {}

  private final EnabledPolicies policies;
  private final RollupRepository rollups;
  private final AlertRepository alerts;
  private final Map<WatchKey, ZoneWatch> watches = new ConcurrentHashMap<>();
  private final Map<String, String> accounts = new ConcurrentHashMap<>();
  private volatile Instant lastSweep = Instant.EPOCH;

  public AlertingEvaluator(EnabledPolicies policies, RollupRepository rollups, AlertRepository alerts) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.rollups = Objects.requireNonNull(rollups, "rollups");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  @Override
  public void evaluate(String zoneId, Instant minute) {
    Optional<String> account = accountOf(zoneId);
    if (account.isEmpty()) {
      return; // no event ever counted for the zone: nothing to judge
    }
    for (EnabledPolicies.Compiled c : policies.current().of(account.get())) {
      if (EnabledPolicies.covers(c.policy(), zoneId)) {
        evaluate(c.policy(), zoneId, minute);
      }
    }
    // Zones whose partitions moved to another instance stop being evaluated here; forget their detectors.
    if (minute.isAfter(lastSweep)) {
      lastSweep = minute;
      watches.values().removeIf(w -> w.next().plus(IDLE_WATCH).isBefore(minute));
    }
  }

  /** How many detectors this instance keeps (for metrics and tests). */
  public int watchedZones() {
    return watches.size();
  }

  private Optional<String> accountOf(String zoneId) {
    String known = accounts.get(zoneId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<String> found = rollups.accountOf(zoneId);
    found.ifPresent(a -> accounts.put(zoneId, a));
    return found;
  }

  private void evaluate(AlertPolicy policy, String zoneId, Instant minute) {
    PolicySpec spec = policy.spec();
    WatchKey key = new WatchKey(policy.id(), zoneId);
    ZoneWatch watch = watches.get(key);
    if (watch == null || !watch.policyVersion().equals(policy.updatedAt()) || watch.next().isAfter(minute)) {
      watch = new ZoneWatch(PolicyDetectors.create(spec), policy.updatedAt(), firstMinute(policy, zoneId, minute));
    }
    if (watch.next().isAfter(minute)) {
      return; // the policy's filtered series starts after this minute
    }
    long[] counts = rollups.minuteCounts(zoneId, watch.next(), minute.plus(Duration.ofMinutes(1)),
        policy.filtered() ? Optional.of(policy.id().toString()) : Optional.empty());
    Verdict verdict = watch.feed(counts);
    watches.put(key, watch);
    advance(policy, zoneId, minute, verdict);
  }

  /**
   * Where a rebuilt detector starts: its history, but not before the zone's first event (a new zone
   * did not have quiet days before it) nor before the policy's filters existed; on a bucket boundary.
   */
  private Instant firstMinute(AlertPolicy policy, String zoneId, Instant minute) {
    Instant start = minute.minus(PolicyDetectors.history(policy.spec()));
    if (policy.filtered() && policy.filtersSince().isAfter(start)) {
      start = policy.filtersSince();
    }
    Optional<Instant> first = rollups.firstMinute(zoneId, start);
    if (first.isPresent() && first.get().isAfter(start) && !first.get().isAfter(minute)) {
      start = first.get();
    }
    long bucket = PolicyDetectors.bucketMinutes(policy.spec());
    long epochMinute = Math.ceilDiv(start.getEpochSecond(), 60L);
    return Instant.ofEpochSecond(Math.ceilDiv(epochMinute, bucket) * bucket * 60L);
  }

  private void advance(AlertPolicy policy, String zoneId, Instant minute, Verdict verdict) {
    PolicySpec spec = policy.spec();
    boolean hot = verdict.score() >= THRESHOLD;
    Optional<Alert> firing = alerts.firing(policy.id(), zoneId);
    if (verdict instanceof Verdict.Alert fired && fired.observed() >= spec.minVolume() && firing.isEmpty()) {
      Optional<Instant> last = alerts.lastStart(policy.id(), zoneId);
      if (last.isEmpty() || !minute.isBefore(last.get().plus(spec.cooldown()))) {
        open(policy, zoneId, minute, fired);
      }
      return;
    }
    if (firing.isEmpty()) {
      return;
    }
    if (hot) {
      alerts.stillHot(firing.get().id(), minute);
    } else if (!minute.isBefore(firing.get().lastHotAt().plus(QUIET))) {
      if (alerts.resolve(firing.get().id(), minute, spec.channels())) {
        log.atInfo().setMessage("alert resolved").addKeyValue("alert_id", firing.get().id()).addKeyValue("zone_id", zoneId)
            .addKeyValue("policy_id", policy.id()).addKeyValue("minute", minute).log();
      }
    }
  }

  private void open(AlertPolicy policy, String zoneId, Instant minute, Verdict.Alert fired) {
    PolicySpec spec = policy.spec();
    Instant windowStart = minute.minus(Duration.ofMinutes(PolicyDetectors.bucketMinutes(spec) - 1L));
    Instant windowEnd = minute.plus(Duration.ofMinutes(1));
    ZoneTops tops = rollups.tops(zoneId, windowStart, windowEnd, TOP);
    Alert alert = new Alert(Alert.idFor(policy.id(), zoneId, minute), policy.accountId(), policy.id(), spec.name(), zoneId,
        spec.detector().wireName(), Alert.State.FIRING, minute, minute, Optional.empty(), windowStart, windowEnd,
        Math.round(fired.observed()), finite(fired.expected()), fired.score(), THRESHOLD, named(tops.rules()),
        named(tops.clientIps()), named(tops.countries()));
    if (alerts.open(alert, spec.channels())) {
      log.atInfo().setMessage("alert firing").addKeyValue("alert_id", alert.id()).addKeyValue("zone_id", zoneId)
          .addKeyValue("policy_id", policy.id()).addKeyValue("minute", minute).addKeyValue("observed", alert.observed())
          .addKeyValue("expected", alert.expected()).log();
    }
  }

  private static double finite(double value) {
    return Double.isFinite(value) ? value : 0;
  }

  private static List<NamedCount> named(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> new NamedCount(e.getKey(), e.getValue())).toList();
  }
}
