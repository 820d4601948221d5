package io.auditline.ingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.ingest.testing.Events;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
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

/** Every rule of the contract has a passing and a failing case. */
class EventValidatorTest {

  private static final EventValidator validator = new EventValidator(64 * 1024);

  @Test
  void acceptsTheReferenceEvent() {
    assertThat(validator.validate(Events.valid().build())).isEmpty();
  }

  @Test
  void acceptsAMinimalEvent() {
    AuditEvent minimal =
        Events.valid().clearRequest().clearZoneId().clearMetadata()
            .setActor(Events.valid().getActor().toBuilder().clearEmail().clearIp().clearUserAgent())
            .build();
    assertThat(validator.validate(minimal)).isEmpty();
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        rule("id", "string.uuid", b -> b.setId("not-a-uuid"), b -> b.setId("7d444840-9dc0-11d1-b245-5ffdce74fad2")),
        rule("id", "string.uuid_empty", b -> b.setId(""), b -> b),
        rule("account_id", "string.min_len", b -> b.setAccountId(""), b -> b.setAccountId("a")),
        rule("account_id", "string.max_len", b -> b.setAccountId("a".repeat(65)), b -> b.setAccountId("a".repeat(64))),
        rule("account_id", "string.pattern", b -> b.setAccountId("acct/1"), b -> b.setAccountId("acct_1-B")),
        rule("actor", "required", b -> b.clearActor(), b -> b),
        rule("action", "required", b -> b.clearAction(), b -> b),
        rule("resource", "required", b -> b.clearResource(), b -> b),
        rule("zone_id", "string.max_len", b -> b.setZoneId("z".repeat(65)), b -> b.setZoneId("z".repeat(64))),
        rule("zone_id", "string.pattern", b -> b.setZoneId("zone 1"), b -> b.setZoneId("023e105f4ecef8ad9ca31a8372d0c353")),
        rule("metadata", "map.max_pairs", b -> metadata(b, 33), b -> metadata(b, 32)),
        rule("metadata[\"\"]", "string.min_len", b -> b.putMetadata("", "v"), b -> b.putMetadata("k", "v")),
        rule("metadata[\"" + "k".repeat(65) + "\"]", "string.max_len", b -> b.putMetadata("k".repeat(65), "v"), b -> b.putMetadata("k".repeat(64), "v")),
        rule("metadata[\"9lives\"]", "string.pattern", b -> b.putMetadata("9lives", "v"), b -> b.putMetadata("lives9", "v")),
        rule("metadata[\"big\"]", "string.max_len", b -> b.putMetadata("big", "v".repeat(1025)), b -> b.putMetadata("big", "v".repeat(1024))),
        rule("schema_version", "uint32.in", b -> b.setSchemaVersion(2), b -> b.setSchemaVersion(1)),
        rule("schema_version", "uint32.in", b -> b.setSchemaVersion(0), b -> b),
        rule("actor.type", "enum.not_in", b -> b.setActor(b.getActor().toBuilder().setType(ActorType.ACTOR_TYPE_UNSPECIFIED)), b -> b.setActor(b.getActor().toBuilder().setType(ActorType.ACTOR_TYPE_SERVICE))),
        rule("actor.type", "enum.defined_only", b -> b.setActor(b.getActor().toBuilder().setTypeValue(99)), b -> b.setActor(b.getActor().toBuilder().setTypeValue(4))),
        rule("actor.id", "string.min_len", b -> b.setActor(b.getActor().toBuilder().setId("")), b -> b.setActor(b.getActor().toBuilder().setId("u"))),
        rule("actor.id", "string.max_len", b -> b.setActor(b.getActor().toBuilder().setId("u".repeat(257))), b -> b.setActor(b.getActor().toBuilder().setId("u".repeat(256)))),
        rule("actor.email", "string.email", b -> b.setActor(b.getActor().toBuilder().setEmail("alice@")), b -> b.setActor(b.getActor().toBuilder().setEmail("a.b+c@example.org"))),
        rule("actor.email", "string.max_len", b -> b.setActor(b.getActor().toBuilder().setEmail("a".repeat(250) + "@x.io")), b -> b.setActor(b.getActor().toBuilder().setEmail("a".repeat(60) + "@x.io"))),
        rule("actor.ip", "string.ip", b -> b.setActor(b.getActor().toBuilder().setIp("300.1.1.1")), b -> b.setActor(b.getActor().toBuilder().setIp("2001:db8::1"))),
        rule("actor.user_agent", "string.max_len", b -> b.setActor(b.getActor().toBuilder().setUserAgent("u".repeat(1025))), b -> b.setActor(b.getActor().toBuilder().setUserAgent("u".repeat(1024)))),
        rule("actor.token_id", "string.max_len", b -> b.setActor(b.getActor().toBuilder().setTokenId("t".repeat(129))), b -> b.setActor(b.getActor().toBuilder().setTokenId("t".repeat(128)))),
        rule("actor.token_id", "string.pattern", b -> b.setActor(b.getActor().toBuilder().setTokenId("tok en")), b -> b.setActor(b.getActor().toBuilder().setTokenId("tok_en-1"))),
        rule("actor.token_name", "string.max_len", b -> b.setActor(b.getActor().toBuilder().setTokenName("n".repeat(257))), b -> b.setActor(b.getActor().toBuilder().setTokenName("n".repeat(256)))),
        rule("actor", "actor.token_id_required", b -> b.setActor(b.getActor().toBuilder().setType(ActorType.ACTOR_TYPE_API_TOKEN).clearTokenId()), b -> b.setActor(b.getActor().toBuilder().setType(ActorType.ACTOR_TYPE_API_TOKEN).setTokenId("tok1"))),
        rule("action.type", "string.min_len", b -> b.setAction(b.getAction().toBuilder().setType("a.")), b -> b.setAction(b.getAction().toBuilder().setType("a.b"))),
        rule("action.type", "string.max_len", b -> b.setAction(b.getAction().toBuilder().setType("a." + "b".repeat(127))), b -> b.setAction(b.getAction().toBuilder().setType("a." + "b".repeat(126)))),
        rule("action.type", "string.pattern", b -> b.setAction(b.getAction().toBuilder().setType("Zone.Settings")), b -> b.setAction(b.getAction().toBuilder().setType("user.api_token.create"))),
        rule("action.description", "string.max_len", b -> b.setAction(b.getAction().toBuilder().setDescription("d".repeat(2049))), b -> b.setAction(b.getAction().toBuilder().setDescription("d".repeat(2048)))),
        rule("action.result", "enum.not_in", b -> b.setAction(b.getAction().toBuilder().setResult(ActionResult.ACTION_RESULT_UNSPECIFIED)), b -> b.setAction(b.getAction().toBuilder().setResult(ActionResult.ACTION_RESULT_FAILURE))),
        rule("action.result", "enum.defined_only", b -> b.setAction(b.getAction().toBuilder().setResultValue(7)), b -> b.setAction(b.getAction().toBuilder().setResultValue(2))),
        rule("action.occurred_at", "required", b -> b.setAction(b.getAction().toBuilder().clearOccurredAt()), b -> b),
        rule("action.occurred_at", "occurred_at.not_too_old", b -> occurred(b, Duration.ofDays(-31)), b -> occurred(b, Duration.ofDays(-29))),
        rule("action.occurred_at", "occurred_at.not_in_future", b -> occurred(b, Duration.ofMinutes(61)), b -> occurred(b, Duration.ofMinutes(59))),
        rule("resource.type", "string.min_len", b -> b.setResource(b.getResource().toBuilder().setType("")), b -> b.setResource(b.getResource().toBuilder().setType("zone"))),
        rule("resource.type", "string.max_len", b -> b.setResource(b.getResource().toBuilder().setType("r".repeat(129))), b -> b.setResource(b.getResource().toBuilder().setType("r".repeat(128)))),
        rule("resource.type", "string.pattern", b -> b.setResource(b.getResource().toBuilder().setType("Zone Setting")), b -> b.setResource(b.getResource().toBuilder().setType("dns.record"))),
        rule("resource.id", "string.min_len", b -> b.setResource(b.getResource().toBuilder().setId("")), b -> b.setResource(b.getResource().toBuilder().setId("x"))),
        rule("resource.id", "string.max_len", b -> b.setResource(b.getResource().toBuilder().setId("x".repeat(257))), b -> b.setResource(b.getResource().toBuilder().setId("x".repeat(256)))),
        rule("resource.product", "string.max_len", b -> b.setResource(b.getResource().toBuilder().setProduct("p".repeat(129))), b -> b.setResource(b.getResource().toBuilder().setProduct("p".repeat(128)))),
        rule("resource.scope", "string.max_len", b -> b.setResource(b.getResource().toBuilder().setScope("s".repeat(257))), b -> b.setResource(b.getResource().toBuilder().setScope("s".repeat(256)))),
        rule("request.request_id", "string.max_len", b -> b.setRequest(b.getRequest().toBuilder().setRequestId("r".repeat(129))), b -> b.setRequest(b.getRequest().toBuilder().setRequestId("r".repeat(128)))),
        rule("request.method", "string.in", b -> b.setRequest(b.getRequest().toBuilder().setMethod("FETCH")), b -> b.setRequest(b.getRequest().toBuilder().setMethod("DELETE"))),
        rule("request.uri", "string.uri_ref", b -> b.setRequest(b.getRequest().toBuilder().setUri("http://exa mple.com/%zz")), b -> b.setRequest(b.getRequest().toBuilder().setUri("https://api.example.com/v4/zones?page=2"))),
        rule("request.uri", "string.max_len", b -> b.setRequest(b.getRequest().toBuilder().setUri("/" + "u".repeat(2048))), b -> b.setRequest(b.getRequest().toBuilder().setUri("/" + "u".repeat(2047)))),
        rule("request.status_code", "uint32.gte_lte", b -> b.setRequest(b.getRequest().toBuilder().setStatusCode(600)), b -> b.setRequest(b.getRequest().toBuilder().setStatusCode(599))),
        rule("request.status_code", "uint32.gte_lte", b -> b.setRequest(b.getRequest().toBuilder().setStatusCode(99)), b -> b.setRequest(b.getRequest().toBuilder().setStatusCode(100))));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rules")
  void everyRuleHasAFailingAndAPassingCase(
      String field, String rule, UnaryOperator<AuditEvent.Builder> breaking, UnaryOperator<AuditEvent.Builder> passing) {
    List<Violation> broken = validator.validate(breaking.apply(Events.valid()).build());
    assertThat(broken)
        .as("violations of the breaking case")
        .anySatisfy(
            v -> {
              assertThat(v.getField()).isEqualTo(field);
              assertThat(v.getRule()).isEqualTo(rule);
              assertThat(v.getMessage()).isNotBlank();
            });
    assertThat(validator.validate(passing.apply(Events.valid()).build())).as("violations of the passing case").isEmpty();
  }

  @Test
  void rejectsAnEventOverTheSizeLimitWithoutEvaluatingRules() {
    EventValidator small = new EventValidator(2048);
    AuditEvent big = Events.valid().setAction(Events.valid().getAction().toBuilder().setDescription("d".repeat(2000))).build();
    assertThat(small.validate(big))
        .singleElement()
        .satisfies(v -> {
          assertThat(v.getRule()).isEqualTo(EventValidator.MAX_BYTES_RULE);
          assertThat(v.getMessage()).contains("expected: <= 2048");
        });
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    AuditEvent bad = Events.valid().setId("x").setAccountId("").setSchemaVersion(0).build();
    assertThat(validator.validate(bad)).extracting(Violation::getField).contains("id", "account_id", "schema_version");
  }

  private static Arguments rule(
      String field, String rule, UnaryOperator<AuditEvent.Builder> breaking, UnaryOperator<AuditEvent.Builder> passing) {
    return Arguments.of(field, rule, breaking, passing);
  }

  private static AuditEvent.Builder metadata(AuditEvent.Builder b, int pairs) {
    b.clearMetadata();
    for (int i = 0; i < pairs; i++) {
      b.putMetadata("k" + i, "v");
    }
    return b;
  }

  private static AuditEvent.Builder occurred(AuditEvent.Builder b, Duration offset) {
    return b.setAction(b.getAction().toBuilder().setOccurredAt(Events.at(Instant.now().plus(offset))));
  }
}
