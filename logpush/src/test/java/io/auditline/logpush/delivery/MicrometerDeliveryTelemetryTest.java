package io.auditline.logpush.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MicrometerDeliveryTelemetryTest {

  private static final UUID JOB = UUID.fromString("6f1c2a7e-0000-4000-8000-000000000001");
  private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MicrometerDeliveryTelemetry telemetry = new MicrometerDeliveryTelemetry(registry, clock);

  private String gauge(String name) {
    String prefix = name + "{job_id=\"" + JOB + "\"} ";
    return registry.scrape().lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
        .findFirst().orElse("absent");
  }

  @Test
  void freshnessIsTheAgeOfTheOldestUndeliveredEventAtScrapeTime() {
    telemetry.lag(JOB, 40, Optional.of(clock.instant().minusSeconds(30)));
    assertThat(gauge("auditline_logpush_freshness_seconds")).isEqualTo("30.0");
    assertThat(gauge("auditline_logpush_lag_records")).isEqualTo("40.0");

    // No report while an upload is stuck in retries: the age still grows.
    clock.advance(Duration.ofSeconds(45));
    assertThat(gauge("auditline_logpush_freshness_seconds")).isEqualTo("75.0");
  }

  @Test
  void freshnessKeepsTheLastKnownOldestWhileRecordsArePendingButNoneWasRead() {
    telemetry.lag(JOB, 40, Optional.of(clock.instant().minusSeconds(30)));
    telemetry.lag(JOB, 40, Optional.empty());

    assertThat(gauge("auditline_logpush_freshness_seconds")).isEqualTo("30.0");
  }

  @Test
  void freshnessIsZeroWhenEverythingIsDelivered() {
    telemetry.lag(JOB, 40, Optional.of(clock.instant().minusSeconds(30)));
    telemetry.lag(JOB, 0, Optional.empty());

    assertThat(gauge("auditline_logpush_freshness_seconds")).isEqualTo("0.0");
  }

  @Test
  void reportsTheJobsMaxAgeUntilItStops() {
    telemetry.started(JOB, Duration.ofSeconds(30));
    assertThat(gauge("auditline_logpush_max_age_seconds")).isEqualTo("30.0");

    telemetry.stopped(JOB);
    assertThat(gauge("auditline_logpush_max_age_seconds")).isEqualTo("absent");
  }

  @Test
  void reportsPendingDeadLettersUntilTheJobStops() {
    telemetry.deadLetters(JOB, 3);
    assertThat(gauge("auditline_logpush_dead_letters_pending")).isEqualTo("3.0");

    telemetry.stopped(JOB);
    assertThat(gauge("auditline_logpush_dead_letters_pending")).isEqualTo("absent");
  }

  @Test
  void countsFailedUploadsAndDeadLettersAsLogpushErrors() {
    telemetry.failed(JOB, "timeout");
    telemetry.failed(JOB, "throttled");
    telemetry.deadLettered(JOB, 500);

    assertThat(registry.scrape())
        .contains("auditline_errors_total{kind=\"upload_failure\",stage=\"logpush\"} 2.0")
        .contains("auditline_errors_total{kind=\"dead_letter\",stage=\"logpush\"} 1.0")
        .contains("auditline_logpush_dead_lettered_records_total{job_id=\"" + JOB + "\"} 500.0");
  }

  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
