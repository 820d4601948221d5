package io.auditline.detect.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinuteRollupTest {

  static final Instant MINUTE = Instant.parse("2026-11-26T10:15:00Z");

  static SecurityObservation obs(String action, String rule, String ip, String country, String host) {
    return new SecurityObservation("zone-1", "acct-a", MINUTE.plusSeconds(7), action, "waf", rule, ip, country, host, "/");
  }

  @Test
  void countsTotalAndEveryDimension() {
    MinuteRollup m = new MinuteRollup("acct-a", "zone-1", MINUTE);
    m.add(obs("block", "r1", "10.0.0.1", "DE", "a.example"));
    m.add(obs("block", "r1", "10.0.0.2", "DE", "a.example"));
    m.add(obs("challenge", "r2", "10.0.0.1", "FR", "b.example"));

    assertThat(m.total()).isEqualTo(3);
    assertThat(m.byAction()).containsExactly(Map.entry("block", 2L), Map.entry("challenge", 1L));
    assertThat(m.bySource()).containsExactly(Map.entry("waf", 3L));
    assertThat(m.byRule()).containsExactly(Map.entry("r1", 2L), Map.entry("r2", 1L));
    assertThat(m.topCountries()).containsExactly(Map.entry("DE", 2L), Map.entry("FR", 1L));
    assertThat(m.topIps()).containsExactly(Map.entry("10.0.0.1", 2L), Map.entry("10.0.0.2", 1L));
    assertThat(m.byHost()).containsExactly(Map.entry("a.example", 2L), Map.entry("b.example", 1L));
  }

  @Test
  void keepsTheTopFiftyRulesAndSumsTheRestIntoOther() {
    MinuteRollup m = new MinuteRollup("acct-a", "zone-1", MINUTE);
    for (int rule = 0; rule < 80; rule++) {
      for (int n = 0; n <= rule; n++) {
        m.add(obs("block", "rule-" + rule, "", "", ""));
      }
    }
    Map<String, Long> rules = m.byRule();
    assertThat(rules).hasSize(51).containsEntry("rule-79", 80L).containsEntry("rule-30", 31L).doesNotContainKey("rule-29");
    long others = 0;
    for (int rule = 0; rule < 30; rule++) {
      others += rule + 1;
    }
    assertThat(rules).containsEntry("other", others);
    assertThat(rules.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(m.total());
  }

  @Test
  void keepsTenCountriesAndIpsAndTracksAtMostAThousandKeys() {
    MinuteRollup m = new MinuteRollup("acct-a", "zone-1", MINUTE);
    for (int i = 0; i < 1_500; i++) {
      m.add(obs("block", "r", "10.0." + (i / 256) + "." + (i % 256), "C" + (i % 12), ""));
    }
    m.add(obs("block", "r", "10.0.0.0", "C0", ""));
    assertThat(m.topIps()).hasSize(11).containsEntry("10.0.0.0", 2L).containsEntry("other", 1_490L);
    assertThat(m.topCountries()).hasSize(11).containsEntry("C0", 126L);
    assertThat(m.topIps().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(m.total());
  }

  @Test
  void leavesMissingAttributesOutOfTheCounts() {
    MinuteRollup m = new MinuteRollup("acct-a", "zone-1", MINUTE);
    m.add(obs("log", "", "", "", ""));
    assertThat(m.total()).isEqualTo(1);
    assertThat(m.byRule()).isEmpty();
    assertThat(m.topIps()).isEmpty();
  }

  @Test
  void rejectsAnObservationOfAnotherMinuteOrZone() {
    MinuteRollup m = new MinuteRollup("acct-a", "zone-1", MINUTE);
    SecurityObservation late = new SecurityObservation("zone-1", "acct-a", MINUTE.plusSeconds(60), "block", "waf",
        "", "", "", "", "");
    assertThatThrownBy(() -> m.add(late)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minute");
    assertThatThrownBy(() -> new MinuteRollup("acct-a", "zone-1", MINUTE.plusSeconds(1)))
        .hasMessageContaining("expected: a whole minute");
  }
}
