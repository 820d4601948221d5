package io.auditline.logpush.format;

import static io.auditline.logpush.format.Bodies.encode;
import static io.auditline.logpush.format.Bodies.ndjson;
import static io.auditline.logpush.format.Bodies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.testing.TestEvents;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonEncodingTest {

  private static final AuditEvent EVENT = TestEvents.event().setId("8c1f7a2e-0000-4000-8000-000000000001").build();

  @Test
  void allFieldsWriteEventJsonLines() {
    AuditEvent other = TestEvents.event().clearRequest().clearZoneId().clearMetadata().build();
    String body = text(encode(ndjson(List.of(), TimestampFormat.RFC3339), List.of(EVENT, other)));
    assertThat(body).isEqualTo(EventJson.toJson(EVENT) + "\n" + EventJson.toJson(other) + "\n");
  }

  @Test
  void selectedFieldsKeepTheirNestedShape() {
    String body = text(encode(ndjson(List.of("id", "actor.email"), TimestampFormat.RFC3339), List.of(EVENT)));
    assertThat(body).isEqualTo("{\"id\":\"8c1f7a2e-0000-4000-8000-000000000001\",\"actor\":{\"email\":\"alice@example.com\"}}\n");
  }

  @Test
  void selectedFieldsFollowTheShapesOrderNotTheListsOrder() {
    String body = text(encode(ndjson(List.of("schema_version", "action.type", "id"), TimestampFormat.RFC3339),
        List.of(EVENT)));
    assertThat(body).isEqualTo(
        "{\"id\":\"8c1f7a2e-0000-4000-8000-000000000001\",\"action\":{\"type\":\"zone.settings.update\"},\"schema_version\":1}\n");
  }

  @Test
  void anObjectNameSelectsTheWholeObject() {
    String body = text(encode(ndjson(List.of("resource"), TimestampFormat.RFC3339), List.of(EVENT)));
    assertThat(body).isEqualTo(
        "{\"resource\":{\"type\":\"zone.setting\",\"id\":\"always_use_https\",\"product\":\"ssl\",\"scope\":\"zones/z1\"}}\n");
  }

  @Test
  void requestIsNullForEventsWithoutOneEvenWhenSomeOfItsFieldsAreSelected() {
    AuditEvent noRequest = EVENT.toBuilder().clearRequest().build();
    String body = text(encode(ndjson(List.of("request.method", "request.status_code"), TimestampFormat.RFC3339),
        List.of(EVENT, noRequest)));
    assertThat(body).isEqualTo("{\"request\":{\"method\":\"PATCH\",\"status_code\":200}}\n{\"request\":null}\n");
  }

  @Test
  void metadataKeysAreSortedAndMissingOnesAreNull() {
    AuditEvent event = EVENT.toBuilder().putMetadata("a.key", "x\"y").build();
    String body = text(encode(ndjson(List.of("metadata.ticket", "metadata.absent", "metadata.a.key"),
        TimestampFormat.RFC3339), List.of(event)));
    assertThat(body).isEqualTo("{\"metadata\":{\"a.key\":\"x\\\"y\",\"absent\":null,\"ticket\":\"CHG-1234\"}}\n");
  }

  @Test
  void wholeMetadataWinsOverSingleKeys() {
    AuditEvent event = EVENT.toBuilder().putMetadata("b", "2").putMetadata("a", "1").build();
    String body = text(encode(ndjson(List.of("metadata.b", "metadata"), TimestampFormat.RFC3339), List.of(event)));
    assertThat(body).isEqualTo("{\"metadata\":{\"a\":\"1\",\"b\":\"2\",\"ticket\":\"CHG-1234\"}}\n");
  }

  @Test
  void rfc3339WritesUtcWithTheFractionInGroupsOfThree() {
    String body = text(encode(ndjson(List.of("action.occurred_at"), TimestampFormat.RFC3339), List.of(
        at("2025-01-31T12:00:00Z"), at("2025-01-31T12:00:00.120Z"), at("2025-01-31T12:00:00.000120Z"),
        at("2025-01-31T12:00:00.000000012Z"))));
    assertThat(body.lines()).containsExactly(
        "{\"action\":{\"occurred_at\":\"2025-01-31T12:00:00Z\"}}",
        "{\"action\":{\"occurred_at\":\"2025-01-31T12:00:00.120Z\"}}",
        "{\"action\":{\"occurred_at\":\"2025-01-31T12:00:00.000120Z\"}}",
        "{\"action\":{\"occurred_at\":\"2025-01-31T12:00:00.000000012Z\"}}");
  }

  @Test
  void unixWritesWholeSecondsAsANumber() {
    String body = text(encode(ndjson(List.of("action.occurred_at"), TimestampFormat.UNIX),
        List.of(at("2025-01-31T12:00:00.999Z"), at("1969-12-31T23:59:59.5Z"))));
    assertThat(body.lines()).containsExactly(
        "{\"action\":{\"occurred_at\":1738324800}}", "{\"action\":{\"occurred_at\":-1}}");
  }

  @Test
  void unixNanoWritesNanosecondsAsANumber() {
    String body = text(encode(ndjson(List.of("action.occurred_at"), TimestampFormat.UNIX_NANO),
        List.of(at("2025-01-31T12:00:00.000000012Z"), at("1969-12-31T23:59:59.5Z"), at("3000-01-01T00:00:00Z"))));
    assertThat(body.lines()).containsExactly(
        "{\"action\":{\"occurred_at\":1738324800000000012}}",
        "{\"action\":{\"occurred_at\":-500000000}}",
        "{\"action\":{\"occurred_at\":32503680000000000000}}");
  }

  @Test
  void timestampFormatsApplyToTheFullShapeToo() {
    String body = text(encode(ndjson(List.of(), TimestampFormat.UNIX), List.of(EVENT)));
    assertThat(body).contains("\"occurred_at\":1738324800}").startsWith("{\"id\":");
  }

  @Test
  void anUnpairedSurrogateIsEscapedRatherThanFailingTheBatch() {
    // Only events built in memory can hold one; parsed events cannot, so EventJson equality does not apply.
    AuditEvent odd = EVENT.toBuilder().setZoneId("a\uD83Db").build();
    String body = text(encode(ndjson(List.of("zone_id"), TimestampFormat.RFC3339), List.of(odd)));
    assertThat(body).isEqualTo("{\"zone_id\":\"a\\uD83Db\"}\n");
  }

  private static AuditEvent at(String instant) {
    return TestEvents.event(Instant.parse(instant)).build();
  }
}
