package io.auditline.detect.schedule;

import io.auditline.detect.schedule.EvaluationClaims.ZoneMinute;
import io.auditline.platform.lifecycle.Component;
import io.auditline.platform.lifecycle.Health;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every minute, evaluates the zones of the partitions this instance owns; see the package
 * documentation for why that is exactly once across instances.
 */
public final class EvaluationScheduler implements Component {

  private static final Logger log = LoggerFactory.getLogger(EvaluationScheduler.class);
  /** Fire just after the boundary, so a clock a hair behind the timer does not see the old minute. */
  private static final long SLACK_MS = 5;

  private final SchedulerConfig config;
  private final ScheduledZones zones;
  private final ZoneEvaluator evaluator;
  private final SchedulerTelemetry telemetry;
  private final Clock clock;
  private final EvaluationClaims claims;
  private final PartitionOwnership ownership;
  private final ScheduledThreadPoolExecutor ticks = tickExecutor();
  private volatile boolean closed;

  public EvaluationScheduler(SchedulerConfig config, DataSource dataSource, ScheduledZones zones, ZoneEvaluator evaluator,
      SchedulerTelemetry telemetry, Clock clock) {
    this.config = config;
    this.zones = zones;
    this.evaluator = evaluator;
    this.telemetry = telemetry;
    this.clock = clock;
    this.claims = new EvaluationClaims(dataSource);
    this.ownership = new PartitionOwnership(config);
  }

  /**
   * One tick thread. On close the next tick, scheduled up to a minute ahead, is dropped rather than
   * waited for (the executor's default), so a shutdown only waits for a tick already running.
   */
  private static ScheduledThreadPoolExecutor tickExecutor() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("detect-schedule-tick").factory());
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  @Override
  public String name() {
    return "detect-schedule";
  }

  @Override
  public void start() {
    ownership.start();
    scheduleNext();
  }

  @Override
  public Health check() {
    Throwable failure = ownership.failure();
    return failure == null ? Health.healthy() : Health.unhealthy("consumer group member stopped: " + failure);
  }

  @Override
  public Health liveness() {
    return check();
  }

  private void scheduleNext() {
    if (closed) {
      return;
    }
    long tickMs = config.tick().toMillis();
    long settleMs = config.settle().toMillis();
    long delay = tickMs - Math.floorMod(clock.millis() - settleMs, tickMs) + SLACK_MS;
    ticks.schedule(this::runTick, delay, TimeUnit.MILLISECONDS);
  }

  private void runTick() {
    try {
      tick();
    } catch (Exception e) {
      // The next tick starts from the claims, so whatever this one missed is caught up then.
      log.atWarn().setMessage("detect schedule tick failed").addKeyValue("owner", config.owner()).setCause(e).log();
    } finally {
      scheduleNext();
    }
  }

  /** One tick: take over stale claims, then evaluate every due minute of every owned zone. */
  void tick() throws Exception {
    PartitionOwnership.Owned owned = ownership.owned();
    if (owned.partitions().isEmpty()) {
      return;
    }
    List<String> mine = zones.zonesFor(owned.partitions(), owned.partitionCount());
    if (mine.isEmpty()) {
      return;
    }
    for (ZoneMinute stale : claims.staleClaims(mine, config.staleClaim())) {
      if (claims.reclaim(stale, config.owner(), config.staleClaim())) {
        log.atWarn().setMessage("detect taking over an unfinished evaluation").addKeyValue("zone_id", stale.zoneId())
            .addKeyValue("minute", stale.minute()).log();
        evaluate(stale);
      }
    }
    Instant lastComplete = DueMinutes.lastComplete(clock.instant().minus(config.settle()), config.tick());
    Map<String, Instant> latest = claims.latestClaims(mine);
    for (String zone : mine) {
      for (Instant minute : DueMinutes.of(Optional.ofNullable(latest.get(zone)), lastComplete, config.tick(),
          config.lookback())) {
        if (closed || claimAndEvaluate(new ZoneMinute(zone, minute)) instanceof ClaimOutcome.Failed) {
          break; // later minutes wait, so the zone's claims stay without holes
        }
      }
    }
    telemetry.tickCompleted(lastComplete);
  }

  private ClaimOutcome claimAndEvaluate(ZoneMinute zm) {
    try {
      if (!claims.claim(zm, config.owner())) {
        return new ClaimOutcome.ClaimedElsewhere();
      }
    } catch (Exception e) {
      return failed(zm, e);
    }
    return evaluate(zm);
  }

  private ClaimOutcome evaluate(ZoneMinute zm) {
    try {
      evaluator.evaluate(zm.zoneId(), zm.minute());
      claims.complete(zm);
      telemetry.evaluated();
      return new ClaimOutcome.Evaluated();
    } catch (Exception e) {
      return failed(zm, e);
    }
  }

  private ClaimOutcome failed(ZoneMinute zm, Exception e) {
    telemetry.failed();
    log.atWarn().setMessage("detect evaluation failed").addKeyValue("zone_id", zm.zoneId()).addKeyValue("minute", zm.minute())
        .setCause(e).log();
    return new ClaimOutcome.Failed(e);
  }

  @Override
  public void close() throws Exception {
    closed = true;
    ticks.shutdown();
    ticks.awaitTermination(30, TimeUnit.SECONDS);
    ownership.close();
  }
}
