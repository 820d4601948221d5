package io.auditline.store.db;

import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the daily partitions of {@code audit_events} (UTC days, named {@code
 * audit_events_YYYYMMDD}) from {@code today - daysBehind} to {@code today + daysAhead}, drops
 * those that retention has passed, and warns when rows sit in the default partition.
 *
 * <p>Runs once in {@link #start()} (a failure fails the start) and then every {@link
 * PartitionPolicy#interval()}. Several processes may run it: a PostgreSQL advisory lock lets one
 * at a time do the work and the others skip the run.
 */
public final class PartitionMaintainer implements Component {

  private static final Logger log = LoggerFactory.getLogger(PartitionMaintainer.class);
  // Arbitrary but fixed: every Auditline process must use the same key.
  private static final long ADVISORY_LOCK_KEY = 0x61756469745f7031L;

  private final Supplier<? extends DataSource> dataSource;
  private final PartitionPolicy policy;
  private final Clock clock;
  private volatile ScheduledExecutorService scheduler;
  private volatile Health health = Health.unhealthy("partition maintenance not started");

  /**
   * @param dataSource where to connect; read at each run, so {@code database::dataSource} of a
   *     not yet started {@link Database} is fine
   */
  public PartitionMaintainer(
      Supplier<? extends DataSource> dataSource, PartitionPolicy policy, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "partition-maintainer";
  }

  @Override
  public synchronized void start() throws SQLException {
    if (scheduler != null) {
      throw new IllegalStateException("partition maintainer is already started");
    }
    runOnce();
    ScheduledExecutorService s =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "partition-maintainer");
              t.setDaemon(true);
              return t;
            });
    long intervalMillis = policy.interval().toMillis();
    s.scheduleWithFixedDelay(this::runSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    scheduler = s;
  }

  /** Runs maintenance now, on the calling thread. */
  public MaintenanceReport runOnce() throws SQLException {
    try (Connection c = dataSource.get().getConnection()) {
      if (!advisoryLock(c, "pg_try_advisory_lock")) {
        log.atDebug().log("partition maintenance skipped: another process holds the lock");
        return MaintenanceReport.skippedRun();
      }
      try {
        MaintenanceReport report = maintain(new Partitions(c), clock.instant());
        health = Health.healthy();
        return report;
      } finally {
        advisoryLock(c, "pg_advisory_unlock");
      }
    } catch (SQLException | RuntimeException e) {
      health = Health.unhealthy("partition maintenance failed: " + e.getMessage());
      throw e;
    }
  }

  /** Unhealthy after a failed run; informational only, since partitions exist days ahead. */
  @Override
  public Health check() {
    return health;
  }

  @Override
  public boolean gatesReadiness() {
    return false;
  }

  @Override
  public synchronized void close() throws InterruptedException {
    ScheduledExecutorService s = scheduler;
    if (s == null) {
      return;
    }
    scheduler = null;
    s.shutdownNow();
    s.awaitTermination(30, TimeUnit.SECONDS);
  }

  private MaintenanceReport maintain(Partitions partitions, Instant now) throws SQLException {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(policy.retention()).toInstant();
    Set<LocalDate> existing = new HashSet<>(partitions.dailyPartitions());

    List<LocalDate> dropped = new ArrayList<>();
    for (LocalDate day : existing.stream().sorted().toList()) {
      if (!dayStart(day.plusDays(1)).isAfter(cutoff)) {
        partitions.drop(day);
        dropped.add(day);
        log.atInfo().addKeyValue("partition", Partitions.tableName(day))
            .addKeyValue("cutoff", cutoff).log("dropped partition past retention");
      }
    }
    long expired = partitions.deleteDefaultRowsBefore(cutoff);
    if (expired > 0) {
      log.atInfo().addKeyValue("rows", expired).addKeyValue("cutoff", cutoff)
          .log("deleted default-partition rows past retention");
    }

    // Never recreate what retention removes, even when retention is shorter than daysBehind.
    LocalDate first = today.minusDays(policy.daysBehind());
    LocalDate oldestKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
    if (first.isBefore(oldestKept)) {
      first = oldestKept;
    }
    List<LocalDate> created = new ArrayList<>();
    long moved = 0;
    for (LocalDate day = first; !day.isAfter(today.plusDays(policy.daysAhead()));
        day = day.plusDays(1)) {
      if (!existing.contains(day)) {
        long rows = partitions.create(day);
        moved += rows;
        created.add(day);
        log.atInfo().addKeyValue("partition", Partitions.tableName(day))
            .addKeyValue("rows_moved_from_default", rows).log("created partition");
      }
    }

    Partitions.DefaultRows leftover = partitions.defaultRows();
    if (leftover.count() > 0) {
      log.atWarn()
          .addKeyValue("partition", Partitions.DEFAULT_PARTITION)
          .addKeyValue("rows", leftover.count())
          .addKeyValue("oldest", leftover.oldest())
          .addKeyValue("newest", leftover.newest())
          .log("rows outside every daily partition sit in the default partition;"
              + " they are moved when a partition for their day is created");
    }
    return new MaintenanceReport(created, moved, dropped, leftover.count(), false);
  }

  private void runSafely() {
    try {
      runOnce();
    } catch (Exception e) {
      log.atError().setCause(e).log("partition maintenance failed; retrying at the next run");
    }
  }

  private static Instant dayStart(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static boolean advisoryLock(Connection c, String function) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(?)")) {
      ps.setLong(1, ADVISORY_LOCK_KEY);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }
}
