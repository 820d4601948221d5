package io.auditline.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditLogQueryParserTest {

  private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");

  @Test
  void defaultsToTheLast30DaysNewestFirst100PerPage() {
    AuditLogQuery q = valid(Map.of());
    assertThat(q.before()).isEqualTo(NOW);
    assertThat(q.since()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    assertThat(q.limit()).isEqualTo(100);
    assertThat(q.direction()).isEqualTo(Direction.NEWEST);
    assertThat(q.after()).isEmpty();
  }

  @Test
  void parsesEveryParameter() {
    AuditLogQuery q = valid(Map.ofEntries(Map.entry("since", "2025-06-01T00:00:00+02:00"),
        Map.entry("before", "2025-06-02t00:00:00.5z"), Map.entry("actor_id", "user-1"),
        Map.entry("actor_email", "Alice@Example.com"), Map.entry("actor_ip", "10.1.2.3/8"),
        Map.entry("action_type_prefix", "zone."), Map.entry("action_result", "failure"),
        Map.entry("resource_type", "zone.setting"), Map.entry("resource_id", "r 1"), Map.entry("zone_id", "z-1"),
        Map.entry("limit", "1000"), Map.entry("direction", "oldest")));
    assertThat(q.since()).isEqualTo(Instant.parse("2025-05-31T22:00:00Z"));
    assertThat(q.before()).isEqualTo(Instant.parse("2025-06-02T00:00:00.5Z"));
    AuditLogFilters f = q.filters();
    assertThat(f.actorEmail()).contains("alice@example.com");
    assertThat(f.actorIp()).map(Cidr::toString).contains("10.0.0.0/8");
    assertThat(f.actionTypePrefix()).contains("zone.");
    assertThat(f.zoneId()).contains("z-1");
    assertThat(q.limit()).isEqualTo(1000);
    assertThat(q.direction()).isEqualTo(Direction.OLDEST);
  }

  @Test
  void cursorKeepsTheRangeOfTheFirstPage() {
    AuditLogQuery first = valid(Map.of("actor_id", "u"));
    Cursor cursor = Cursor.after(first, new Position(NOW.minusSeconds(5), UUID.randomUUID()));
    Parsed<AuditLogQuery> later = AuditLogQueryParser.page("acct",
        params(Map.of("actor_id", "u", "cursor", cursor.encode())), NOW.plus(Duration.ofHours(1)));
    assertThat(later).isInstanceOfSatisfying(Parsed.Valid.class, v -> {
      AuditLogQuery q = (AuditLogQuery) v.value();
      assertThat(q.before()).isEqualTo(NOW);
      assertThat(q.after()).contains(cursor.after());
    });
  }

  @Test
  void rejectsACursorOfAnotherAccountFilterDirectionOrRange() {
    AuditLogQuery first = valid(Map.of("actor_id", "u", "since", "2025-06-01T00:00:00Z"));
    String cursor = Cursor.after(first, new Position(NOW, UUID.randomUUID())).encode();
    assertCursorRejected("other-acct", Map.of("actor_id", "u", "since", "2025-06-01T00:00:00Z", "cursor", cursor));
    assertCursorRejected("acct", Map.of("actor_id", "v", "since", "2025-06-01T00:00:00Z", "cursor", cursor));
    assertCursorRejected("acct", Map.of("since", "2025-06-01T00:00:00Z", "cursor", cursor));
    assertCursorRejected("acct", Map.of("actor_id", "u", "since", "2025-06-02T00:00:00Z", "cursor", cursor));
    assertCursorRejected("acct", Map.of("actor_id", "u", "since", "2025-06-01T00:00:00Z", "direction", "oldest", "cursor", cursor));
  }

  @Test
  void namesTheDefaultWhenSinceIsInTheFuture() {
    List<InvalidParam> errors = invalid(Map.of("since", "2030-01-01T00:00:00Z"));
    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("since");
      assertThat(e.reason()).contains("default: now");
    });
  }

  @Test
  void echoesControlCharactersEscapedAndLongValuesCut() {
    assertThat(AuditLogQueryParser.echo("a\nb")).isEqualTo("\"a\\u000ab\"");
    assertThat(AuditLogQueryParser.echo("x".repeat(500))).hasSize(105);
  }

  private static void assertCursorRejected(String account, Map<String, String> params) {
    Parsed<AuditLogQuery> parsed = AuditLogQueryParser.page(account, params(params), NOW);
    assertThat(parsed).isInstanceOfSatisfying(Parsed.Invalid.class,
        i -> assertThat(i.params()).extracting("name").containsExactly("cursor"));
  }

  private static AuditLogQuery valid(Map<String, String> params) {
    Parsed<AuditLogQuery> parsed = AuditLogQueryParser.page("acct", params(params), NOW);
    assertThat(parsed).isInstanceOf(Parsed.Valid.class);
    return ((Parsed.Valid<AuditLogQuery>) parsed).value();
  }

  private static List<InvalidParam> invalid(Map<String, String> params) {
    Parsed<AuditLogQuery> parsed = AuditLogQueryParser.page("acct", params(params), NOW);
    assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
    return ((Parsed.Invalid<AuditLogQuery>) parsed).params();
  }

  static Map<String, List<String>> params(Map<String, String> single) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    single.forEach((k, v) -> params.put(k, List.of(v)));
    return params;
  }
}
