package io.auditline.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.detect.schedule.EvaluationClaims.ZoneMinute;
import io.auditline.testkit.postgres.SharedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EvaluationClaimsIT {

  private static final Duration STALE = Duration.ofMinutes(5);
  private static DetectDb db;
  private static EvaluationClaims claims;

  @BeforeAll
  static void migrate() {
    db = new DetectDb(SharedPostgres.newDatabase("detect_claims"));
    claims = new EvaluationClaims(db.dataSource);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void onlyTheFirstClaimOfAZoneMinuteSucceeds() throws Exception {
    ZoneMinute zm = new ZoneMinute("once", Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(claims.claim(zm, "a")).isTrue();
    assertThat(claims.claim(zm, "b")).isFalse();
    assertThat(db.query("SELECT owner FROM detect_evaluations WHERE zone_id = 'once'")).containsExactly(List.of("a"));
  }

  @Test
  void anUnfinishedClaimIsTakenOverOnceItIsStaleAndOnlyOnce() throws Exception {
    ZoneMinute zm = new ZoneMinute("crashed", Instant.parse("2026-11-26T10:00:00Z"));
    claims.claim(zm, "a");
    assertThat(claims.staleClaims(List.of("crashed"), STALE)).isEmpty();
    assertThat(claims.reclaim(zm, "b", STALE)).isFalse();

    db.execute("UPDATE detect_evaluations SET claimed_at = now() - interval '6 minutes' WHERE zone_id = 'crashed'");
    assertThat(claims.staleClaims(List.of("crashed", "other"), STALE)).containsExactly(zm);
    assertThat(claims.reclaim(zm, "b", STALE)).isTrue();
    assertThat(claims.reclaim(zm, "c", STALE)).isFalse();
    assertThat(db.query("SELECT owner FROM detect_evaluations WHERE zone_id = 'crashed'")).containsExactly(List.of("b"));
  }

  @Test
  void aFinishedClaimIsNeverTakenOver() throws Exception {
    ZoneMinute zm = new ZoneMinute("finished", Instant.parse("2026-11-26T10:00:00Z"));
    claims.claim(zm, "a");
    claims.complete(zm);
    db.execute("UPDATE detect_evaluations SET claimed_at = now() - interval '1 day' WHERE zone_id = 'finished'");
    assertThat(claims.staleClaims(List.of("finished"), STALE)).isEmpty();
    assertThat(claims.reclaim(zm, "b", STALE)).isFalse();
  }

  @Test
  void latestClaimsAreTheNewestMinutePerZone() throws Exception {
    Instant t = Instant.parse("2026-11-26T10:00:00Z");
    claims.claim(new ZoneMinute("latest-1", t), "a");
    claims.claim(new ZoneMinute("latest-1", t.plusSeconds(120)), "a");
    claims.claim(new ZoneMinute("latest-2", t.plusSeconds(60)), "a");
    assertThat(claims.latestClaims(List.of("latest-1", "latest-2", "latest-never")))
        .containsOnly(entry("latest-1", t.plusSeconds(120)), entry("latest-2", t.plusSeconds(60)));
  }

  private static Map.Entry<String, Instant> entry(String zone, Instant minute) {
    return Map.entry(zone, minute);
  }
}
