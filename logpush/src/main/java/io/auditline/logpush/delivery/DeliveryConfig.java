package io.auditline.logpush.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of the delivery engine of one process.
 *
 * @param kafka consumer settings (at least {@code bootstrap.servers}); each job's consumer adds its own
 * @param topic the audit-event topic
 * @param owner this process's name in leases; unique per process run
 * @param leaseTtl how long a job stays with an instance that stopped renewing (a crashed one)
 * @param jobRefresh how often enabled jobs are re-read, so new, changed and deleted jobs are picked up
 * @param retryWindow how long a failing batch is retried before it goes to the dead letters
 * @param backoffInitial the first wait after a failed upload; doubled per failure with full jitter
 * @param backoffMax the longest wait between attempts
 */
public record DeliveryConfig(
    Map<String, Object> kafka,
    String topic,
    String owner,
    Duration leaseTtl,
    Duration jobRefresh,
    Duration retryWindow,
    Duration backoffInitial,
    Duration backoffMax) {

  public DeliveryConfig {
    kafka = Map.copyOf(kafka);
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(owner, "owner");
    positive("leaseTtl", leaseTtl);
    positive("jobRefresh", jobRefresh);
    positive("retryWindow", retryWindow);
    positive("backoffInitial", backoffInitial);
    positive("backoffMax", backoffMax);
    if (leaseTtl.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException("leaseTtl: %s (expected: >= 2s)".formatted(leaseTtl));
    }
    if (backoffMax.compareTo(backoffInitial) < 0) {
      throw new IllegalArgumentException("backoffMax: %s (expected: >= backoffInitial %s)".formatted(backoffMax, backoffInitial));
    }
  }

  /** Defaults: 15 s leases, jobs re-read every 2 s, 15 minutes of retries from 1 s up to 60 s apart. */
  public static DeliveryConfig defaults(Map<String, Object> kafka, String topic, String owner) {
    return new DeliveryConfig(kafka, topic, owner, Duration.ofSeconds(15), Duration.ofSeconds(2), Duration.ofMinutes(15),
        Duration.ofSeconds(1), Duration.ofSeconds(60));
  }

  public DeliveryConfig withRetry(Duration window, Duration initial, Duration max) {
    return new DeliveryConfig(kafka, topic, owner, leaseTtl, jobRefresh, window, initial, max);
  }

  public DeliveryConfig withLeaseTtl(Duration ttl) {
    return new DeliveryConfig(kafka, topic, owner, ttl, jobRefresh, retryWindow, backoffInitial, backoffMax);
  }

  public DeliveryConfig withJobRefresh(Duration refresh) {
    return new DeliveryConfig(kafka, topic, owner, leaseTtl, refresh, retryWindow, backoffInitial, backoffMax);
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("%s: %s (expected: > 0)".formatted(name, d));
    }
  }
}
