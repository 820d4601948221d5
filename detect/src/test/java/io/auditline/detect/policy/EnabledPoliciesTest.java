package io.auditline.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditline.detect.rollup.SecurityObservation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EnabledPoliciesTest {

  private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
  private static final List<Channel> CHANNELS =
      List.of(new Channel.Webhook(URI.create("https://hooks.example.com/a"), Optional.empty()));
  private static final PolicyFilters BLOCKS = new PolicyFilters(List.of("block"), List.of(), List.of(), List.of(), List.of(),
      List.of());

  private static AlertPolicy policy(String account, boolean enabled, ZoneScope zones, PolicyFilters filters) {
    PolicySpec spec = new PolicySpec("p-" + UUID.randomUUID(), enabled, zones, filters, DetectorKind.OURS,
        Sensitivity.Level.MEDIUM, 100, Duration.ofMinutes(15), CHANNELS);
    return new AlertPolicy(UUID.randomUUID(), account, spec, T, T, T);
  }

  private static SecurityObservation event(String account, String zone, String action) {
    return new SecurityObservation(zone, account, T, action, "waf", "r1", "203.0.113.1", "DE", "shop.example.com", "/");
  }

  @Test
  void countsOnlyFilteredEnabledPoliciesOfTheEventsAccountThatWatchItsZoneAndMatch() {
    AlertPolicy blocksEverywhere = policy("acc", true, new ZoneScope.AllZones(), BLOCKS);
    AlertPolicy blocksOnZ2 = policy("acc", true, new ZoneScope.Listed(List.of("z2")), BLOCKS);
    AlertPolicy unfiltered = policy("acc", true, new ZoneScope.AllZones(), PolicyFilters.NONE);
    AlertPolicy disabled = policy("acc", false, new ZoneScope.AllZones(), BLOCKS);
    AlertPolicy otherAccount = policy("other", true, new ZoneScope.AllZones(), BLOCKS);
    EnabledPolicies policies = new EnabledPolicies(() -> List.of(blocksEverywhere, blocksOnZ2, unfiltered, disabled,
        otherAccount), Duration.ofSeconds(10), Clock.fixed(T, ZoneOffset.UTC));

    assertThat(policies.policiesCounting(event("acc", "z1", "block"))).containsExactly(blocksEverywhere.id().toString());
    assertThat(policies.policiesCounting(event("acc", "z2", "block")))
        .containsExactlyInAnyOrder(blocksEverywhere.id().toString(), blocksOnZ2.id().toString());
    assertThat(policies.policiesCounting(event("acc", "z1", "log"))).isEmpty();
    assertThat(policies.current().all()).doesNotContain(new EnabledPolicies.Compiled(disabled, PolicyMatcher.of(BLOCKS)));
  }

  @Test
  void rereadsWhenStaleAndKeepsTheLastSnapshotWhenARereadFails() {
    AtomicInteger reads = new AtomicInteger();
    List<AlertPolicy> stored = new ArrayList<>(List.of(policy("acc", true, new ZoneScope.AllZones(), BLOCKS)));
    Instant[] now = {T};
    Clock clock = new Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    EnabledPolicies policies = new EnabledPolicies(() -> {
      if (reads.incrementAndGet() == 3) {
        throw new PolicyStoreException("database down", new RuntimeException());
      }
      return List.copyOf(stored);
    }, Duration.ofSeconds(10), clock);

    assertThat(policies.current().all()).hasSize(1);
    stored.add(policy("acc", true, new ZoneScope.AllZones(), BLOCKS));
    now[0] = T.plusSeconds(5);
    assertThat(policies.current().all()).hasSize(1); // still fresh: not re-read
    now[0] = T.plusSeconds(11);
    assertThat(policies.current().all()).hasSize(2);
    now[0] = T.plusSeconds(22);
    assertThat(policies.current().all()).hasSize(2); // the failed re-read keeps the previous snapshot
    assertThat(reads.get()).isEqualTo(3);
  }

  @Test
  void theFirstReadFailingIsAnError() {
    EnabledPolicies policies = new EnabledPolicies(() -> {
      throw new PolicyStoreException("database down", new RuntimeException());
    }, Duration.ofSeconds(10), Clock.fixed(T, ZoneOffset.UTC));
    assertThatThrownBy(policies::current).isInstanceOf(PolicyStoreException.class);
  }
}
