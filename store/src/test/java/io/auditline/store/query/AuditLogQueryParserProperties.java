package io.auditline.store.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AuditLogQueryParserProperties {

  private static final Instant NOW = Instant.parse("2025-06-15T12:00:00Z");
  private static final List<String> NAMES = List.of("since", "before", "limit", "direction", "cursor", "actor_id",
      "actor_email", "actor_ip", "action_type", "action_type_prefix", "action_result", "resource_type",
      "resource_id", "zone_id", "format", "bogus");

  @Property
  void anyValueOfAnyParameterIsAcceptedOrRejectedByName(@ForAll("names") String name, @ForAll String value) {
    Parsed<AuditLogQuery> page = AuditLogQueryParser.page("acct", Map.of(name, List.of(value)), NOW);
    if (page instanceof Parsed.Invalid<AuditLogQuery> invalid) {
      assertThat(invalid.params()).extracting(InvalidParam::name).containsOnly(name);
    }
    Parsed<ExportRequest> export = AuditLogQueryParser.export("acct", Map.of(name, List.of(value)), NOW);
    if (export instanceof Parsed.Invalid<ExportRequest> invalid) {
      assertThat(invalid.params()).extracting(InvalidParam::name).isSubsetOf(name, "format");
    }
  }

  @Property
  void rfc3339TimestampsRoundTrip(@ForAll @LongRange(min = 0, max = 253_402_300_799L) long seconds,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = -18, max = 18) int offsetHours) {
    Instant instant = Instant.ofEpochSecond(seconds, nanos);
    String text = instant.atOffset(ZoneOffset.ofHours(offsetHours)).toString();
    // OffsetDateTime.toString drops ":00" seconds; RFC 3339 requires them.
    if (text.length() == 16 + (offsetHours == 0 ? 1 : 6) && text.charAt(16) != ':') {
      text = text.substring(0, 16) + ":00" + text.substring(16);
    }
    if (instant.atOffset(ZoneOffset.ofHours(offsetHours)).getYear() > 9999 || instant.atOffset(ZoneOffset.ofHours(offsetHours)).getYear() < 0) {
      return;
    }
    assertThat(AuditLogQueryParser.timestamp(text)).isEqualTo(instant);
  }

  @Property
  void cursorsRoundTripAndGarbageNeverDecodesIntoAnotherQuery(@ForAll("accounts") String account,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long at, @ForAll String garbage) {
    AuditLogQuery q = new AuditLogQuery(account, NOW.minusSeconds(86_400), NOW, AuditLogFilters.none(), 10,
        Direction.NEWEST, java.util.Optional.empty());
    Cursor cursor = Cursor.after(q, new Position(Instant.ofEpochSecond(at), UUID.randomUUID()));
    assertThat(Cursor.decode(cursor.encode())).contains(cursor);
    assertThat(cursor.issuedFor(q)).isTrue();
    assertThat(cursor.issuedFor(new AuditLogQuery(account + "x", q.since(), q.before(), q.filters(), 10,
        Direction.NEWEST, java.util.Optional.empty()))).isFalse();
    Cursor.decode(garbage).ifPresent(c -> assertThat(c.issuedFor(q)).isFalse());
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of(NAMES);
  }

  @Provide
  Arbitrary<String> accounts() {
    return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(64);
  }
}
