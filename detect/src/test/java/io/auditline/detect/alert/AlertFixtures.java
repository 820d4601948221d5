package io.auditline.detect.alert;

import io.auditline.detect.policy.AlertPolicy;
import io.auditline.detect.policy.Channel;
import io.auditline.detect.policy.DetectorKind;
import io.auditline.detect.policy.PolicyFilters;
import io.auditline.detect.policy.PolicyRepository;
import io.auditline.detect.policy.PolicySpec;
import io.auditline.detect.policy.PolicyWrite;
import io.auditline.detect.policy.Sensitivity;
import io.auditline.detect.policy.ZoneScope;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Policies and stored minutes for the alert tests, written straight into PostgreSQL. */
final class AlertFixtures {

  static final String SECRET = "whsec_alert_fixture_0123456789";

  private AlertFixtures() {}

  static PolicySpec spec(String name, DetectorKind detector, ZoneScope zones, PolicyFilters filters, long minVolume,
      Duration cooldown, List<Channel> channels) {
    return new PolicySpec(name, true, zones, filters, detector, Sensitivity.Level.MEDIUM, minVolume, cooldown, channels);
  }

  static Channel webhook(String url) {
    return new Channel.Webhook(URI.create(url), Optional.of(SECRET));
  }

  static AlertPolicy create(PolicyRepository repository, String account, PolicySpec spec) {
    return switch (repository.create(account, spec)) {
      case PolicyWrite.Saved saved -> saved.policy();
      default -> throw new IllegalStateException("policy not created: " + spec.name());
    };
  }

  /** One stored minute per minute of [from, to): {@code base + (minute index % 5)} events, no breakdown. */
  static void baseline(DataSource ds, String account, String zone, Instant from, Instant to, long base) throws SQLException {
    String sql = """
        INSERT INTO security_rollups (account_id, zone_id, minute, total)
        SELECT ?, ?, m, ? + (extract(epoch FROM m)::bigint / 60) % 5
        FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', interval '1 minute') AS m
        ON CONFLICT (zone_id, minute) DO UPDATE SET total = excluded.total""";
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, account);
      ps.setString(2, zone);
      ps.setLong(3, base);
      ps.setTimestamp(4, Timestamp.from(from));
      ps.setTimestamp(5, Timestamp.from(to));
      ps.executeUpdate();
    }
  }

  /** Overwrites minutes of [from, to) with an attack of {@code total} events a minute, mostly one rule, IP and country. */
  static void attack(DataSource ds, String account, String zone, Instant from, Instant to, long total, String byPolicy)
      throws SQLException {
    String sql = """
        INSERT INTO security_rollups (account_id, zone_id, minute, total, by_rule, top_ips, top_countries, by_policy)
        SELECT ?, ?, m, ?, jsonb_build_object('sqli-942100', ? - 20, 'xss-941100', 20),
               jsonb_build_object('203.0.113.7', ? - 20), jsonb_build_object('NL', ? - 20, 'US', 20), ?::jsonb
        FROM generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', interval '1 minute') AS m
        ON CONFLICT (zone_id, minute) DO UPDATE SET total = excluded.total, by_rule = excluded.by_rule,
          top_ips = excluded.top_ips, top_countries = excluded.top_countries, by_policy = excluded.by_policy""";
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, account);
      ps.setString(2, zone);
      ps.setLong(3, total);
      ps.setLong(4, total);
      ps.setLong(5, total);
      ps.setLong(6, total);
      ps.setString(7, byPolicy);
      ps.setTimestamp(8, Timestamp.from(from));
      ps.setTimestamp(9, Timestamp.from(to));
      ps.executeUpdate();
    }
  }
}
