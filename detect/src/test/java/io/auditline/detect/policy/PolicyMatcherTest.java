package io.auditline.detect.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.detect.rollup.SecurityObservation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyMatcherTest {

  private static final SecurityObservation EVENT = new SecurityObservation("z1", "acc", Instant.parse("2026-11-26T10:00:00Z"),
      "block", "waf", "sqli-942100", "203.0.113.7", "NL", "shop.example.com", "/checkout/pay?x=1");

  private static PolicyMatcher matcher(List<String> actions, List<String> sources, List<String> rules, List<String> hosts,
      List<String> paths, List<String> countries) {
    return PolicyMatcher.of(new PolicyFilters(actions, sources, rules, hosts, paths, countries));
  }

  @Test
  void noFiltersMatchEverything() {
    assertThat(PolicyMatcher.of(PolicyFilters.NONE).matches(EVENT)).isTrue();
  }

  @Test
  void eachAttributeFilters() {
    List<String> none = List.of();
    assertThat(matcher(List.of("block", "challenge"), none, none, none, none, none).matches(EVENT)).isTrue();
    assertThat(matcher(List.of("log"), none, none, none, none, none).matches(EVENT)).isFalse();
    assertThat(matcher(none, List.of("waf"), none, none, none, none).matches(EVENT)).isTrue();
    assertThat(matcher(none, List.of("rate_limit"), none, none, none, none).matches(EVENT)).isFalse();
    assertThat(matcher(none, none, List.of("sqli-942100"), none, none, none).matches(EVENT)).isTrue();
    assertThat(matcher(none, none, List.of("xss-941100"), none, none, none).matches(EVENT)).isFalse();
    assertThat(matcher(none, none, none, none, none, List.of("DE", "NL")).matches(EVENT)).isTrue();
    assertThat(matcher(none, none, none, none, none, List.of("DE")).matches(EVENT)).isFalse();
  }

  @Test
  void hostsMatchExactlyOrBySubdomainWildcard() {
    List<String> none = List.of();
    assertThat(matcher(none, none, none, List.of("shop.example.com"), none, none).matches(EVENT)).isTrue();
    assertThat(matcher(none, none, none, List.of("*.example.com"), none, none).matches(EVENT)).isTrue();
    assertThat(matcher(none, none, none, List.of("example.com"), none, none).matches(EVENT)).isFalse();
    assertThat(matcher(none, none, none, List.of("*.shop.example.com"), none, none).matches(EVENT)).isFalse();
  }

  @Test
  void pathsMatchByPrefix() {
    List<String> none = List.of();
    assertThat(matcher(none, none, none, none, List.of("/api", "/checkout/"), none).matches(EVENT)).isTrue();
    assertThat(matcher(none, none, none, none, List.of("/api"), none).matches(EVENT)).isFalse();
  }

  @Test
  void allAttributesMustMatch() {
    assertThat(matcher(List.of("block"), List.of("waf"), List.of(), List.of(), List.of(), List.of("NL")).matches(EVENT)).isTrue();
    assertThat(matcher(List.of("block"), List.of("waf"), List.of(), List.of(), List.of(), List.of("US")).matches(EVENT)).isFalse();
  }
}
