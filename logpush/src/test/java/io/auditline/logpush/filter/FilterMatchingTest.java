package io.auditline.logpush.filter;

import static io.auditline.logpush.filter.Filters.valid;
import static io.auditline.logpush.filter.Filters.where;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.auditline.logpush.testing.TestEvents;
import io.auditline.proto.v1.AuditEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterMatchingTest {

  /** action.type zone.settings.update, status 200, schema 1, occurred 2025-01-31T12:00:00.123Z, ticket CHG-1234. */
  private static final AuditEvent EVENT = TestEvents.event().build();
  private static final AuditEvent BARE = EVENT.toBuilder().clearRequest().clearZoneId().clearMetadata()
      .setActor(EVENT.getActor().toBuilder().clearEmail()).build();

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(delimiter = '|', value = {
      "action.type | eq | `zone.settings.update` | true", "action.type | eq | `user.login` | false",
      "action.type | !eq | `user.login` | true", "action.type | !eq | `zone.settings.update` | false",
      "action.type | lt | `zone.t` | true", "action.type | lt | `zone.settings.update` | false",
      "action.type | leq | `zone.settings.update` | true", "action.type | leq | `zone.a` | false",
      "action.type | gt | `zone.a` | true", "action.type | gt | `zone.settings.update` | false",
      "action.type | geq | `zone.settings.update` | true", "action.type | geq | `zone.t` | false",
      "action.type | startsWith | `zone.` | true", "action.type | startsWith | `user.` | false",
      "action.type | endsWith | `.update` | true", "action.type | endsWith | `.delete` | false",
      "action.type | contains | `settings` | true", "action.type | contains | `Settings` | false",
      "action.type | in | [`user.login`, `zone.settings.update`] | true", "action.type | in | [`user.login`] | false",
      "action.type | !in | [`user.login`] | true", "action.type | !in | [`zone.settings.update`] | false",
      "request.status_code | eq | 200 | true", "request.status_code | eq | 404 | false",
      "request.status_code | !eq | 404 | true", "request.status_code | !eq | 200 | false",
      "request.status_code | lt | 300 | true", "request.status_code | lt | 200 | false",
      "request.status_code | leq | 200 | true", "request.status_code | leq | 199 | false",
      "request.status_code | gt | 199 | true", "request.status_code | gt | 200 | false",
      "request.status_code | geq | 200 | true", "request.status_code | geq | 201 | false",
      "request.status_code | in | [200, 204] | true", "request.status_code | in | [500, 503] | false",
      "request.status_code | !in | [500] | true", "request.status_code | !in | [200] | false",
      "schema_version | eq | 1 | true", "schema_version | gt | 1 | false",
      "action.occurred_at | eq | `2025-01-31T13:00:00.123+01:00` | true",
      "action.occurred_at | eq | `2025-01-31T12:00:00Z` | false",
      "action.occurred_at | !eq | `2025-01-31T12:00:00Z` | true",
      "action.occurred_at | lt | `2025-01-31T12:00:00.124Z` | true",
      "action.occurred_at | lt | `2025-01-31T12:00:00.123Z` | false",
      "action.occurred_at | leq | `2025-01-31T12:00:00.123Z` | true",
      "action.occurred_at | gt | `2025-01-31t11:59:59z` | true",
      "action.occurred_at | geq | `2025-02-01T00:00:00Z` | false",
      "action.occurred_at | startsWith | `2025-01-31T12` | true",
      "action.occurred_at | endsWith | `.123Z` | true", "action.occurred_at | contains | `T13` | false",
      "action.occurred_at | in | [`2025-01-31T12:00:00.123000Z`] | true",
      "action.occurred_at | !in | [`2025-01-31T12:00:00.123000Z`] | false",
      "metadata.ticket | eq | `CHG-1234` | true", "metadata.ticket | startsWith | `INC-` | false",
      "actor.type | eq | `user` | true", "action.result | eq | `failure` | false"})
  // Backticks stand for JSON's double quotes, which CsvSource would otherwise need escaped.
  void everyOperatorMatchesAndMisses(String key, String operator, String value, boolean matches) {
    assertThat(where(key, operator, value.replace('`', '"')).test(EVENT)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0} {1} {2} on null -> {3}")
  @CsvSource(delimiter = '|', value = {
      "actor.email | eq | null | true", "actor.email | !eq | null | false",
      "actor.email | eq | `a` | false", "actor.email | !eq | `a` | true",
      "actor.email | lt | `z` | false", "actor.email | gt | `` | false", "actor.email | contains | `` | false",
      "actor.email | startsWith | `` | false", "actor.email | in | [`a`] | false", "actor.email | !in | [`a`] | true",
      "request.method | eq | null | true", "request.status_code | eq | null | true",
      "request.status_code | lt | 1000 | false", "request.status_code | !in | [200] | true",
      "zone_id | eq | null | true", "metadata.ticket | eq | null | true", "metadata.ticket | gt | `` | false",
      "schema_version | eq | null | false", "action.occurred_at | eq | null | false", "id | !eq | null | true"})
  void aNullFieldMatchesEqNullAndTheNegationsOnly(String key, String operator, String value, boolean matches) {
    assertThat(where(key, operator, value.replace('`', '"')).test(BARE)).isEqualTo(matches);
  }

  @Test
  void nonNullFieldsNeverMatchEqNull() {
    assertThat(where("actor.email", "eq", "null").test(EVENT)).isFalse();
    assertThat(where("request.status_code", "!eq", "null").test(EVENT)).isTrue();
  }

  @Test
  void andNeedsEveryConditionAndOrAny() {
    Filter filter = valid("""
        {"where": {"and": [
          {"key": "action.type", "operator": "startsWith", "value": "zone."},
          {"or": [{"key": "request.status_code", "operator": "geq", "value": 500},
                  {"key": "actor.email", "operator": "endsWith", "value": "@example.com"}]}]}}""");
    assertThat(filter.test(EVENT)).isTrue();
    assertThat(filter.test(BARE)).isFalse();
    assertThat(filter.test(EVENT.toBuilder().setAction(EVENT.getAction().toBuilder().setType("user.login")).build()))
        .isFalse();
  }

  @Test
  void aSingleOrAtTheTopIsAccepted() {
    Filter filter = valid("""
        {"where": {"or": [{"key": "zone_id", "operator": "eq", "value": "z2"},
                          {"key": "zone_id", "operator": "eq", "value": "z1"}]}}""");
    assertThat(filter.test(EVENT)).isTrue();
    assertThat(filter.test(BARE)).isFalse();
  }

  @Test
  void stringsCompareCaseSensitivelyByCodeUnit() {
    assertThat(where("actor.id", "lt", "\"user-5\"").test(EVENT)).isTrue();
    assertThat(where("actor.id", "lt", "\"User-9\"").test(EVENT)).isFalse();
  }

  @Test
  void timestampsCompareAsInstantsWhateverTheOffset() {
    AuditEvent late = TestEvents.event(Instant.parse("2025-01-31T23:30:00Z")).build();
    assertThat(where("action.occurred_at", "gt", "\"2025-02-01T00:00:00+01:00\"").test(late)).isTrue();
    assertThat(where("action.occurred_at", "gt", "\"2025-02-01T00:00:00Z\"").test(late)).isFalse();
  }

  @Test
  void absentFilterMatchesEverything() {
    assertThat(Filter.parse(null)).isEqualTo(new FilterParse.Valid(Filter.matchAll()));
    assertThat(Filter.parse(MissingNode.getInstance())).isEqualTo(new FilterParse.Valid(Filter.matchAll()));
    assertThat(Filter.matchAll().test(BARE)).isTrue();
    assertThat(Filter.matchAll().where()).isEmpty();
    assertThat(Filter.matchAll().toJson().isNull()).isTrue();
  }
}
