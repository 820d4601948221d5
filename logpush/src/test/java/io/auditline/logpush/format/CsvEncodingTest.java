package io.auditline.logpush.format;

import static io.auditline.logpush.format.Bodies.csv;
import static io.auditline.logpush.format.Bodies.encode;
import static io.auditline.logpush.format.Bodies.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.testing.TestEvents;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventCsv;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvEncodingTest {

  private static final AuditEvent EVENT = TestEvents.event().setId("8c1f7a2e-0000-4000-8000-000000000001").build();

  @Test
  void allFieldsWriteTheExportsColumnsAndRows() throws Exception {
    StringWriter expected = new StringWriter();
    EventCsv.writeHeader(expected);
    EventCsv.writeRow(EVENT, expected);
    assertThat(text(encode(csv(List.of(), TimestampFormat.RFC3339), List.of(EVENT)))).isEqualTo(expected.toString());
    assertThat(BatchEncoder.create(csv(List.of(), TimestampFormat.RFC3339)).csvHeader()).isEqualTo(EventCsv.COLUMNS);
  }

  @Test
  void selectedFieldsAreOneColumnEachInTheOrderGiven() {
    String body = text(encode(csv(List.of("actor.email", "id", "request.status_code", "metadata.ticket"),
        TimestampFormat.RFC3339), List.of(EVENT)));
    assertThat(body).isEqualTo("actor.email,id,request.status_code,metadata.ticket\r\n"
        + "alice@example.com,8c1f7a2e-0000-4000-8000-000000000001,200,CHG-1234\r\n");
  }

  @Test
  void anObjectNameBecomesOneColumnPerMember() {
    assertThat(BatchEncoder.create(csv(List.of("request", "request.method", "zone_id"), TimestampFormat.RFC3339))
        .csvHeader()).containsExactly("request.request_id", "request.method", "request.uri", "request.status_code",
        "zone_id");
  }

  @Test
  void nullsAndMissingMetadataAreEmptyCells() {
    AuditEvent event = EVENT.toBuilder().clearRequest().clearZoneId().build();
    String body = text(encode(csv(List.of("zone_id", "request.status_code", "metadata.absent", "schema_version"),
        TimestampFormat.RFC3339), List.of(event)));
    assertThat(body).endsWith("\r\n,,,1\r\n");
  }

  @Test
  void cellsWithCommasQuotesOrLineBreaksAreQuotedPerRfc4180() {
    AuditEvent event = EVENT.toBuilder().setActor(EVENT.getActor().toBuilder().setUserAgent("say \"hi\", ok\r\nbye"))
        .putMetadata("note", "plain é").build();
    String body = text(encode(csv(List.of("actor.user_agent", "metadata"), TimestampFormat.RFC3339), List.of(event)));
    assertThat(body).isEqualTo("actor.user_agent,metadata\r\n"
        + "\"say \"\"hi\"\", ok\r\nbye\",\"{\"\"note\"\":\"\"plain é\"\",\"\"ticket\"\":\"\"CHG-1234\"\"}\"\r\n");
  }

  @Test
  void timestampFormatsApplyToTheOccurredAtColumn() {
    AuditEvent event = TestEvents.event(Instant.parse("2025-01-31T12:00:00.000000012Z")).build();
    List<String> fields = List.of("action.occurred_at");
    assertThat(text(encode(csv(fields, TimestampFormat.RFC3339), List.of(event))))
        .endsWith("\r\n2025-01-31T12:00:00.000000012Z\r\n");
    assertThat(text(encode(csv(fields, TimestampFormat.UNIX), List.of(event)))).endsWith("\r\n1738324800\r\n");
    assertThat(text(encode(csv(fields, TimestampFormat.UNIX_NANO), List.of(event))))
        .endsWith("\r\n1738324800000000012\r\n");
    assertThat(text(encode(csv(List.of(), TimestampFormat.UNIX), List.of(event))))
        .contains("\r\n" + event.getId() + ",1738324800,acct-1,");
  }

  @Test
  void anEmptyBatchIsTheHeaderAlone() {
    EncodedBatch batch = encode(csv(List.of("id"), TimestampFormat.RFC3339), List.of());
    assertThat(text(batch)).isEqualTo("id\r\n");
    assertThat(batch.records()).isZero();
  }
}
