package io.auditline.detect.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the scheduler runs.
 *
 * @param consumer Kafka consumer settings (at least bootstrap servers); group, deserializers and
 *     offset handling are set by the scheduler
 * @param owner this instance's name, stored in each claim
 * @param tick the length of a "minute"; a minute in production, shorter in tests
 * @param lookback how far back a new owner catches up a zone
 * @param staleClaim after how long an unfinished claim is taken over
 * @param settle how long after a minute ends it is evaluated, so that events still on their way (the
 *     rollup consumer's lag) are counted in it; less than {@code tick}
 */
public record SchedulerConfig(Map<String, Object> consumer, String topic, String groupId, String owner, Duration tick,
    Duration lookback, Duration staleClaim, Duration settle) {

  public static final String TOPIC = "security.events.v1";
  /**
   * The scheduler's own consumer group on the security-event topic: its members only hold partitions
   * (they fetch nothing), so they must not share a group with the rollup consumers that read them.
   */
  public static final String GROUP_ID = "auditline-detect-schedule";
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);

  public SchedulerConfig {
    consumer = Map.copyOf(consumer);
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(owner, "owner");
    if (tick.toMillis() < 1) {
      throw new IllegalArgumentException("tick: " + tick + " (expected: >= 1ms)");
    }
    if (lookback.compareTo(tick) < 0) {
      throw new IllegalArgumentException("lookback: " + lookback + " (expected: >= tick " + tick + ")");
    }
    if (lookback.toMillis() % tick.toMillis() != 0) {
      throw new IllegalArgumentException("lookback: " + lookback + " (expected: a multiple of tick " + tick + ")");
    }
    if (staleClaim.compareTo(tick) < 0) {
      throw new IllegalArgumentException("staleClaim: " + staleClaim + " (expected: >= tick " + tick + ")");
    }
    if (settle.isNegative() || settle.compareTo(tick) >= 0) {
      throw new IllegalArgumentException("settle: " + settle + " (expected: >= 0 and < tick " + tick + ")");
    }
  }

  /** Without a settle delay: each minute is evaluated as soon as it ends. */
  public SchedulerConfig(Map<String, Object> consumer, String topic, String groupId, String owner, Duration tick,
      Duration lookback, Duration staleClaim) {
    this(consumer, topic, groupId, owner, tick, lookback, staleClaim, Duration.ZERO);
  }

  /** One-minute ticks 10 s after each minute, an hour of catch-up, unfinished claims taken over after five minutes. */
  public static SchedulerConfig defaults(Map<String, Object> consumer, String owner) {
    return new SchedulerConfig(consumer, TOPIC, GROUP_ID, owner, Duration.ofMinutes(1), Duration.ofHours(1),
        Duration.ofMinutes(5), DEFAULT_SETTLE);
  }

  public SchedulerConfig withTopic(String newTopic) {
    return new SchedulerConfig(consumer, newTopic, groupId, owner, tick, lookback, staleClaim, settle);
  }

  public SchedulerConfig withSettle(Duration newSettle) {
    return new SchedulerConfig(consumer, topic, groupId, owner, tick, lookback, staleClaim, newSettle);
  }

  public SchedulerConfig withTiming(Duration newTick, Duration newLookback, Duration newStaleClaim) {
    return new SchedulerConfig(consumer, topic, groupId, owner, newTick, newLookback, newStaleClaim,
        settle.compareTo(newTick) < 0 ? settle : Duration.ZERO);
  }
}
