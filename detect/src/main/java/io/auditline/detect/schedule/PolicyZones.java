package io.auditline.detect.schedule;

import io.auditline.detect.policy.AlertPolicy;
import io.auditline.detect.policy.EnabledPolicies;
import io.auditline.detect.policy.ZoneScope;
import io.auditline.detect.rollup.RollupRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The zones an enabled policy watches: the listed ones, and for a policy on all zones every zone of
 * its account that had security events in the last {@link #ACTIVE} (a zone with no events for
 * longer has nothing to alert on).
 */
public final class PolicyZones implements ScheduledZones {

  static final Duration ACTIVE = Duration.ofDays(7);

  private final EnabledPolicies policies;
  private final RollupRepository rollups;
  private final Clock clock;

  public PolicyZones(EnabledPolicies policies, RollupRepository rollups, Clock clock) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.rollups = Objects.requireNonNull(rollups, "rollups");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<String> zonesFor(Set<Integer> partitions, int partitionCount) {
    Set<String> zones = new TreeSet<>();
    Set<String> allZoneAccounts = new TreeSet<>();
    for (EnabledPolicies.Compiled c : policies.current().all()) {
      AlertPolicy p = c.policy();
      switch (p.spec().zones()) {
        case ZoneScope.AllZones all -> allZoneAccounts.add(p.accountId());
        case ZoneScope.Listed listed -> zones.addAll(listed.zoneIds());
      }
    }
    zones.addAll(rollups.zonesOf(allZoneAccounts, clock.instant().minus(ACTIVE)));
    return zones.stream().filter(z -> partitions.contains(ZonePartitions.partitionOf(z, partitionCount))).toList();
  }
}
