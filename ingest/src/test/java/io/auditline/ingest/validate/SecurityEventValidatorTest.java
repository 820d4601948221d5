package io.auditline.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.ingest.testing.Events;
import io.auditline.ingest.testing.SecurityEvents;
import io.auditline.proto.v1.SecurityAction;
import io.auditline.proto.v1.SecurityEvent;
import io.auditline.proto.v1.SecuritySource;
import io.auditline.proto.v1.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of SecurityEvent has a passing and a failing case. */
class SecurityEventValidatorTest {

  private static final EventValidator validator = new EventValidator(64 * 1024);

  @Test
  void acceptsTheReferenceEvent() {
    assertThat(validate(SecurityEvents.valid().build())).isEmpty();
  }

  @Test
  void acceptsAMinimalEvent() {
    SecurityEvent minimal = SecurityEvents.valid().clearClientAsn().clearUserAgent().clearRequestId().build();
    assertThat(validate(minimal)).isEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("id", "string.uuid", b -> b.setId("not-a-uuid"), b -> b.setId("7d444840-9dc0-11d1-b245-5ffdce74fad2")),
        rule("id", "string.uuid_empty", b -> b.setId(""), b -> b),
        rule("account_id", "string.min_len", b -> b.setAccountId(""), b -> b.setAccountId("a")),
        rule("account_id", "string.max_len", b -> b.setAccountId("a".repeat(65)), b -> b.setAccountId("a".repeat(64))),
        rule("account_id", "string.pattern", b -> b.setAccountId("acct/1"), b -> b.setAccountId("acct_1-B")),
        rule("zone_id", "string.min_len", b -> b.setZoneId(""), b -> b.setZoneId("z")),
        rule("zone_id", "string.max_len", b -> b.setZoneId("z".repeat(65)), b -> b.setZoneId("z".repeat(64))),
        rule("zone_id", "string.pattern", b -> b.setZoneId("zone 1"), b -> b.setZoneId("023e105f4ecef8ad9ca31a8372d0c353")),
        rule("occurred_at", "required", b -> b.clearOccurredAt(), b -> b),
        rule("occurred_at", "occurred_at.not_too_old", b -> occurred(b, Duration.ofDays(-31)), b -> occurred(b, Duration.ofDays(-29))),
        rule("occurred_at", "occurred_at.not_in_future", b -> occurred(b, Duration.ofMinutes(61)), b -> occurred(b, Duration.ofMinutes(59))),
        rule("action", "enum.not_in", b -> b.setAction(SecurityAction.SECURITY_ACTION_UNSPECIFIED), b -> b.setAction(SecurityAction.SECURITY_ACTION_MANAGED_CHALLENGE)),
        rule("action", "enum.defined_only", b -> b.setActionValue(99), b -> b.setActionValue(7)),
        rule("source", "enum.not_in", b -> b.setSource(SecuritySource.SECURITY_SOURCE_UNSPECIFIED), b -> b.setSource(SecuritySource.SECURITY_SOURCE_BOT_MANAGEMENT)),
        rule("source", "enum.defined_only", b -> b.setSourceValue(99), b -> b.setSourceValue(5)),
        rule("rule_id", "string.min_len", b -> b.setRuleId(""), b -> b.setRuleId("r")),
        rule("rule_id", "string.max_len", b -> b.setRuleId("r".repeat(129)), b -> b.setRuleId("r".repeat(128))),
        rule("rule_id", "string.pattern", b -> b.setRuleId("rule 1"), b -> b.setRuleId("efb7b8c949ac4650a09736fc376e9aee:rl-1")),
        rule("client_ip", "string.ip", b -> b.setClientIp("300.1.1.1"), b -> b.setClientIp("2001:db8::1")),
        rule("client_ip", "string.ip_empty", b -> b.setClientIp(""), b -> b.setClientIp("192.0.2.1")),
        rule("client_country", "string.pattern", b -> b.setClientCountry("de"), b -> b.setClientCountry("T1")),
        rule("client_country", "string.pattern", b -> b.setClientCountry("DEU"), b -> b.setClientCountry("XX")),
        rule("host", "string.hostname", b -> b.setHost("shop example.com"), b -> b.setHost("api.example.co.uk")),
        rule("host", "string.hostname_empty", b -> b.setHost(""), b -> b.setHost("localhost")),
        rule("host", "string.max_len", b -> b.setHost(longHost(254)), b -> b.setHost(longHost(253))),
        rule("path", "string.min_len", b -> b.setPath(""), b -> b.setPath("/")),
        rule("path", "string.prefix", b -> b.setPath("login"), b -> b.setPath("/login")),
        rule("path", "string.max_len", b -> b.setPath("/" + "p".repeat(4096)), b -> b.setPath("/" + "p".repeat(4095))),
        rule("method", "string.in", b -> b.setMethod("FETCH"), b -> b.setMethod("DELETE")),
        rule("method", "string.in", b -> b.setMethod(""), b -> b.setMethod("CONNECT")),
        rule("user_agent", "string.max_len", b -> b.setUserAgent("u".repeat(1025)), b -> b.setUserAgent("u".repeat(1024))),
        rule("request_id", "string.max_len", b -> b.setRequestId("r".repeat(129)), b -> b.setRequestId("r".repeat(128))),
        rule("request_id", "string.pattern", b -> b.setRequestId("req 1"), b -> b.setRequestId("8a1b2c3d-FRA")),
        rule("schema_version", "uint32.in", b -> b.setSchemaVersion(2), b -> b.setSchemaVersion(1)),
        rule("schema_version", "uint32.in", b -> b.setSchemaVersion(0), b -> b));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rules")
  void everyRuleHasAFailingAndAPassingCase(
      String field,
      String rule,
      UnaryOperator<SecurityEvent.Builder> breaking,
      UnaryOperator<SecurityEvent.Builder> passing) {
    List<Violation> broken = validate(breaking.apply(SecurityEvents.valid()).build());
    assertThat(broken)
        .as("violations of the breaking case")
        .anySatisfy(
            v -> {
              assertThat(v.getField()).isEqualTo(field);
              assertThat(v.getRule()).isEqualTo(rule);
              assertThat(v.getMessage()).isNotBlank();
            });
    assertThat(validate(passing.apply(SecurityEvents.valid()).build())).as("violations of the passing case").isEmpty();
  }

  @Test
  void rejectsAnEventOverTheSizeLimitWithoutEvaluatingRules() {
    EventValidator small = new EventValidator(2048);
    SecurityEvent big = SecurityEvents.valid().setPath("/" + "p".repeat(2100)).build();
    assertThat(small.validate(big, big.getSerializedSize()))
        .singleElement()
        .satisfies(v -> assertThat(v.getRule()).isEqualTo(EventValidator.MAX_BYTES_RULE));
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    SecurityEvent bad = SecurityEvents.valid().setId("x").setZoneId("").setMethod("BREW").build();
    assertThat(validate(bad)).extracting(Violation::getField).contains("id", "zone_id", "method");
  }

  private static List<Violation> validate(SecurityEvent event) {
    return validator.validate(event, event.getSerializedSize());
  }

  private static Arguments rule(
      String field,
      String rule,
      UnaryOperator<SecurityEvent.Builder> breaking,
      UnaryOperator<SecurityEvent.Builder> passing) {
    return Arguments.of(field, rule, breaking, passing);
  }

  private static SecurityEvent.Builder occurred(SecurityEvent.Builder b, Duration offset) {
    return b.setOccurredAt(Events.at(Instant.now().plus(offset)));
  }

  /** A valid host name of exactly {@code length} characters (labels of up to 63). */
  private static String longHost(int length) {
    StringBuilder host = new StringBuilder();
    while (host.length() < length) {
      int label = Math.min(63, length - host.length() - (host.isEmpty() ? 0 : 1));
      if (!host.isEmpty()) {
        host.append('.');
      }
      host.append("h".repeat(Math.max(label, 1)));
    }
    return host.toString();
  }
}
