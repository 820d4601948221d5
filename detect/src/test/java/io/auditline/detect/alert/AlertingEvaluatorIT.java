package io.auditline.detect.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.detect.policy.AlertPolicy;
import io.auditline.detect.policy.DetectorKind;
import io.auditline.detect.policy.EnabledPolicies;
import io.auditline.detect.policy.PolicyFilters;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.detect.policy.ZoneScope;
import io.auditline.detect.rollup.RollupRepository;
import io.auditline.detect.support.DetectDb;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alert lifecycle over stored minutes in a real PostgreSQL: firing, hot, resolved, cooldown, repeats. */
class AlertingEvaluatorIT {

  /** Stored history starts here; our detector warms up after a day of it. */
  private static final Instant START = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant ATTACK = START.plus(Duration.ofHours(28));
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private static DetectDb db;
  private static PolicyRepository policies;
  private static RollupRepository rollups;
  private static AlertRepository alerts;

  @BeforeAll
  static void setUp() {
    db = new DetectDb("alerting_it");
    policies = new PolicyRepository(db.dataSource);
    rollups = new RollupRepository(db.dataSource);
    alerts = new AlertRepository(db.dataSource);
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  private static AlertingEvaluator evaluator() {
    // A fresh snapshot every call: each test's policies are visible at once.
    return new AlertingEvaluator(new EnabledPolicies(policies, Duration.ofNanos(1), Clock.fixed(ATTACK, ZoneOffset.UTC)),
        rollups, alerts);
  }

  private static void evaluate(AlertingEvaluator evaluator, String zone, Instant from, Instant toInclusive) {
    for (Instant m = from; !m.isAfter(toInclusive); m = m.plus(MINUTE)) {
      evaluator.evaluate(zone, m);
    }
  }

  private static List<Alert> alertsOf(String account, AlertPolicy policy) {
    return alerts.list(account, new AlertQuery(Optional.empty(), Optional.empty(), Optional.of(policy.id()), Optional.empty(), 100));
  }

  @Test
  void anAttackFiresOnceAndResolvesAfterTheQuietPeriod() throws Exception {
    String account = "acc-lifecycle";
    String zone = "zone-lifecycle";
    AlertFixtures.baseline(db.dataSource, account, zone, START, ATTACK.plus(Duration.ofHours(2)), 20);
    AlertFixtures.attack(db.dataSource, account, zone, ATTACK, ATTACK.plus(Duration.ofMinutes(5)), 600, "{}");
    AlertPolicy policy = AlertFixtures.create(policies, account, AlertFixtures.spec("attacks", DetectorKind.OURS,
        new ZoneScope.AllZones(), PolicyFilters.NONE, 100, Duration.ofMinutes(30),
        List.of(AlertFixtures.webhook("https://hooks.example.com/a"), AlertFixtures.webhook("https://hooks.example.com/b"))));

    AlertingEvaluator evaluator = evaluator();
    evaluate(evaluator, zone, ATTACK.minus(Duration.ofMinutes(30)), ATTACK.minus(MINUTE));
    assertThat(alertsOf(account, policy)).isEmpty();

    evaluator.evaluate(zone, ATTACK);
    List<Alert> fired = alertsOf(account, policy);
    assertThat(fired).hasSize(1);
    Alert alert = fired.getFirst();
    assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
    assertThat(alert.id()).isEqualTo(Alert.idFor(policy.id(), zone, ATTACK));
    assertThat(alert.startedAt()).isEqualTo(ATTACK);
    assertThat(alert.windowStart()).isEqualTo(ATTACK);
    assertThat(alert.windowEnd()).isEqualTo(ATTACK.plus(MINUTE));
    assertThat(alert.observed()).isEqualTo(600);
    assertThat(alert.expected()).isBetween(18.0, 28.0);
    assertThat(alert.score()).isGreaterThan(0.5);
    assertThat(alert.topRules().getFirst().name()).isEqualTo("sqli-942100");
    assertThat(alert.topClientIps().getFirst().name()).isEqualTo("203.0.113.7");
    assertThat(alert.topCountries()).extracting(n -> n.name()).containsExactly("NL", "US");
    assertThat(alerts.notifications(alert.id())).extracting(NotificationRecord::state, NotificationRecord::channelIndex,
            NotificationRecord::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Alert.State.FIRING, 0, "pending"),
            org.assertj.core.groups.Tuple.tuple(Alert.State.FIRING, 1, "pending"));

    // Another instance repeating the minute (its owner crashed before completing the claim) rebuilds
    // the detector from the stored minutes and finds the same alert: nothing is added.
    evaluator().evaluate(zone, ATTACK);
    assertThat(alertsOf(account, policy)).hasSize(1);
    assertThat(alerts.notifications(alert.id())).hasSize(2);

    evaluate(evaluator, zone, ATTACK.plus(MINUTE), ATTACK.plus(Duration.ofMinutes(90)));
    List<Alert> after = alertsOf(account, policy);
    assertThat(after).hasSize(1);
    Alert resolved = after.getFirst();
    assertThat(resolved.state()).isEqualTo(Alert.State.RESOLVED);
    assertThat(resolved.lastHotAt()).isAfterOrEqualTo(ATTACK.plus(Duration.ofMinutes(4)));
    assertThat(resolved.resolvedAt()).contains(resolved.lastHotAt().plus(AlertingEvaluator.QUIET));
    assertThat(alerts.notifications(alert.id())).extracting(NotificationRecord::state)
        .containsExactly(Alert.State.FIRING, Alert.State.FIRING, Alert.State.RESOLVED, Alert.State.RESOLVED);
  }

  @Test
  void aSecondAttackWithinTheCooldownOpensNothingAndOneAfterItDoes() throws Exception {
    String account = "acc-cooldown";
    String zone = "zone-cooldown";
    Instant second = ATTACK.plus(Duration.ofMinutes(60));
    Instant third = ATTACK.plus(Duration.ofMinutes(200));
    AlertFixtures.baseline(db.dataSource, account, zone, START, ATTACK.plus(Duration.ofHours(5)), 20);
    for (Instant a : List.of(ATTACK, second, third)) {
      AlertFixtures.attack(db.dataSource, account, zone, a, a.plus(Duration.ofMinutes(3)), 800, "{}");
    }
    AlertPolicy policy = AlertFixtures.create(policies, account, AlertFixtures.spec("cooldown", DetectorKind.OURS,
        new ZoneScope.Listed(List.of(zone)), PolicyFilters.NONE, 100, Duration.ofHours(2),
        List.of(AlertFixtures.webhook("https://hooks.example.com/c"))));

    evaluate(evaluator(), zone, ATTACK.minus(MINUTE), third.plus(Duration.ofMinutes(5)));

    assertThat(alertsOf(account, policy)).extracting(Alert::startedAt).containsExactly(third, ATTACK);
  }

  @Test
  void aFilteredPolicyReadsItsOwnCountsFromWhenItsFiltersWereSet() throws Exception {
    String account = "acc-filtered";
    String zone = "zone-filtered";
    AlertPolicy policy = AlertFixtures.create(policies, account, AlertFixtures.spec("blocks only", DetectorKind.OURS,
        new ZoneScope.AllZones(), new PolicyFilters(List.of("block"), List.of(), List.of(), List.of(), List.of(), List.of()),
        10, Duration.ofMinutes(30), List.of(AlertFixtures.webhook("https://hooks.example.com/f"))));
    // The zone total surges, but not the events the policy counts: no alert.
    AlertFixtures.baseline(db.dataSource, account, zone, START, ATTACK.plus(Duration.ofHours(1)), 20);
    AlertFixtures.attack(db.dataSource, account, zone, ATTACK, ATTACK.plus(Duration.ofMinutes(5)), 900,
        "{\"" + policy.id() + "\": 3}");

    evaluate(evaluator(), zone, ATTACK.minus(MINUTE), ATTACK.plus(Duration.ofMinutes(5)));

    assertThat(alertsOf(account, policy)).isEmpty();
    assertThat(rollups.minuteCounts(zone, ATTACK, ATTACK.plus(MINUTE), Optional.of(policy.id().toString())))
        .containsExactly(3);
  }

  @Test
  void aPolicyNeverWatchesAnotherAccountsZone() throws Exception {
    String zone = "zone-of-victim";
    AlertFixtures.baseline(db.dataSource, "acc-victim", zone, START, ATTACK.plus(Duration.ofHours(1)), 20);
    AlertFixtures.attack(db.dataSource, "acc-victim", zone, ATTACK, ATTACK.plus(Duration.ofMinutes(5)), 900, "{}");
    AlertPolicy snooping = AlertFixtures.create(policies, "acc-snoop", AlertFixtures.spec("snoop", DetectorKind.OURS,
        new ZoneScope.Listed(List.of(zone)), PolicyFilters.NONE, 10, Duration.ofMinutes(30),
        List.of(AlertFixtures.webhook("https://hooks.example.com/s"))));

    evaluate(evaluator(), zone, ATTACK.minus(MINUTE), ATTACK.plus(Duration.ofMinutes(2)));

    assertThat(alertsOf("acc-snoop", snooping)).isEmpty();
  }

  @Test
  void theAnchorFiresOnFiveMinuteBucketsAboveItsFloor() throws Exception {
    String account = "acc-anchor";
    String zone = "zone-anchor";
    AlertFixtures.baseline(db.dataSource, account, zone, START, ATTACK.plus(Duration.ofHours(1)), 20);
    AlertFixtures.attack(db.dataSource, account, zone, ATTACK, ATTACK.plus(Duration.ofMinutes(5)), 300, "{}");
    AlertPolicy policy = AlertFixtures.create(policies, account, AlertFixtures.spec("anchor", DetectorKind.ANCHOR,
        new ZoneScope.AllZones(), PolicyFilters.NONE, 0, Duration.ofMinutes(30),
        List.of(AlertFixtures.webhook("https://hooks.example.com/an"))));

    AlertingEvaluator evaluator = evaluator();
    evaluate(evaluator, zone, ATTACK.minus(MINUTE), ATTACK.plus(Duration.ofMinutes(3)));
    assertThat(alertsOf(account, policy)).isEmpty(); // the bucket [ATTACK, ATTACK+5m) is still open

    evaluator.evaluate(zone, ATTACK.plus(Duration.ofMinutes(4)));
    List<Alert> fired = alertsOf(account, policy);
    assertThat(fired).hasSize(1);
    assertThat(fired.getFirst().windowStart()).isEqualTo(ATTACK);
    assertThat(fired.getFirst().windowEnd()).isEqualTo(ATTACK.plus(Duration.ofMinutes(5)));
    assertThat(fired.getFirst().observed()).isEqualTo(1500);
    assertThat(fired.getFirst().detector()).isEqualTo("anchor");
  }
}
