package io.auditline.detect.policy;

import io.auditline.detect.rollup.PolicyCounter;
import io.auditline.detect.rollup.SecurityObservation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recent snapshot of every account's enabled policies, shared by the rollups (which count each
 * filtered policy's events) and the scheduler. Re-read at most every {@code maxAge}; if a re-read
 * fails the previous snapshot stays in use and the failure is logged, so a database hiccup does not
 * stop counting.
 */
public final class EnabledPolicies implements PolicyCounter {

  /** One account's enabled policies, with their compiled filters. */
  public record Snapshot(Map<String, List<Compiled>> byAccount, Instant readAt) {
    public List<Compiled> of(String account) {
      return byAccount.getOrDefault(account, List.of());
    }

    public List<Compiled> all() {
      List<Compiled> all = new ArrayList<>();
      byAccount.values().forEach(all::addAll);
      return all;
    }
  }

  public record Compiled(AlertPolicy policy, PolicyMatcher matcher) {}

  private static final Logger log = LoggerFactory.getLogger(EnabledPolicies.class);

  private final Supplier<List<AlertPolicy>> source;
  private final Duration maxAge;
  private final Clock clock;
  private volatile Snapshot snapshot;

  public EnabledPolicies(PolicyRepository repository, Duration maxAge, Clock clock) {
    this(repository::listEnabled, maxAge, clock);
  }

  EnabledPolicies(Supplier<List<AlertPolicy>> source, Duration maxAge, Clock clock) {
    this.source = Objects.requireNonNull(source, "source");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<String> policiesCounting(SecurityObservation o) {
    List<String> ids = List.of();
    for (Compiled c : current().of(o.accountId())) {
      if (c.policy().filtered() && covers(c.policy(), o.zoneId()) && c.matcher().matches(o)) {
        if (ids.isEmpty()) {
          ids = new ArrayList<>(2);
        }
        ids.add(c.policy().id().toString());
      }
    }
    return ids;
  }

  /** Whether {@code policy} watches {@code zone}. */
  public static boolean covers(AlertPolicy policy, String zone) {
    return switch (policy.spec().zones()) {
      case ZoneScope.AllZones all -> true;
      case ZoneScope.Listed listed -> listed.zoneIds().contains(zone);
    };
  }

  /** The current snapshot, re-read first when older than {@code maxAge}. */
  public Snapshot current() {
    Snapshot s = snapshot;
    Instant now = clock.instant();
    if (s != null && now.isBefore(s.readAt().plus(maxAge))) {
      return s;
    }
    synchronized (this) {
      s = snapshot;
      if (s != null && now.isBefore(s.readAt().plus(maxAge))) {
        return s;
      }
      try {
        Map<String, List<Compiled>> byAccount = source.get().stream()
            .filter(p -> p.spec().enabled())
            .map(p -> new Compiled(p, PolicyMatcher.of(p.spec().filters())))
            .collect(Collectors.groupingBy(c -> c.policy().accountId(), Collectors.toUnmodifiableList()));
        snapshot = new Snapshot(Map.copyOf(byAccount), now);
      } catch (RuntimeException e) {
        if (s == null) {
          throw e;
        }
        log.atWarn().setMessage("cannot re-read alert policies; using the previous snapshot").setCause(e).log();
        snapshot = new Snapshot(s.byAccount(), now);
      }
      return snapshot;
    }
  }
}
