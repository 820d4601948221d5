package io.auditline.logpush.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.logpush.testing.TestEvents;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventCsv;
import io.auditline.store.query.EventJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class EncoderProperties {

  @Property(tries = 300)
  void allFieldsNdjsonIsEventJsonByteForByte(@ForAll("events") @Size(max = 20) List<AuditEvent> events) {
    StringBuilder expected = new StringBuilder();
    events.forEach(e -> expected.append(EventJson.toJson(e)).append('\n'));
    byte[] body = Bodies.decode(Bodies.encode(Bodies.ndjson(List.of(), TimestampFormat.RFC3339), events));
    assertThat(body).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void allFieldsCsvIsEventCsvByteForByte(@ForAll("events") @Size(max = 20) List<AuditEvent> events) throws IOException {
    StringWriter expected = new StringWriter();
    EventCsv.writeHeader(expected);
    for (AuditEvent e : events) {
      EventCsv.writeRow(e, expected);
    }
    byte[] body = Bodies.decode(Bodies.encode(Bodies.csv(List.of(), TimestampFormat.RFC3339), events));
    assertThat(body).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void everyWrittenEventIsOneLineOfTheDecodedBody(@ForAll("events") @Size(max = 30) List<AuditEvent> events,
      @ForAll("options") OutputOptions options) {
    int written;
    EncodedBatch batch;
    try (EncodingSession session = BatchEncoder.create(options).open()) {
      written = (int) events.stream().filter(session::add).count();
      assertThat(session.records()).isEqualTo(written);
      batch = session.finish();
    }
    assertThat(batch.records()).isEqualTo(written);
    byte[] raw = Bodies.decode(batch);
    assertThat(batch.rawBytes()).isEqualTo(raw.length);
    assertThat(batch.compressedBytes()).isEqualTo(batch.body().length);
    if (options.format() == OutputFormat.NDJSON) {
      assertThat(new String(raw, StandardCharsets.UTF_8).split("\n", -1)).hasSize(written + 1);
    } else {
      // Cells may hold CRLF, but only inside quotes; records end at a CRLF outside them.
      assertThat(csvRecords(new String(raw, StandardCharsets.UTF_8))).isEqualTo(written + 1);
    }
  }

  @Property
  void rfc3339FormattingIsInstantToString(@ForAll("timestamps") com.google.protobuf.Timestamp t) {
    char[] out = new char[32];
    int length = Rfc3339.format(t.getSeconds(), t.getNanos(), out);
    String expected = Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).toString();
    if (t.getSeconds() >= -62_135_596_800L && t.getSeconds() <= 253_402_300_799L) {
      assertThat(length).isPositive();
      assertThat(new String(out, 0, length)).isEqualTo(expected);
      assertThat(Rfc3339.parse(expected)).contains(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    } else {
      assertThat(length).isNegative();
    }
  }

  @Provide
  Arbitrary<List<AuditEvent>> events() {
    return TestEvents.events().list();
  }

  @Provide
  Arbitrary<com.google.protobuf.Timestamp> timestamps() {
    return TestEvents.timestamps();
  }

  @Provide
  Arbitrary<OutputOptions> options() {
    Arbitrary<List<String>> fields = Arbitraries.oneOf(Arbitraries.just(List.of()),
        Arbitraries.of(FieldNames.SELECTABLE).map(n -> n.replace("<key>", "ticket")).set().ofMaxSize(6)
            .map(List::copyOf));
    return net.jqwik.api.Combinators.combine(fields, Arbitraries.of(OutputFormat.class),
        Arbitraries.of(TimestampFormat.class), Arbitraries.of(1.0, 0.5, 0.01), Arbitraries.of(Compression.class))
        .as((f, format, ts, rate, compression) -> new OutputOptions(f, format, ts, rate, compression, OptionalInt.empty()));
  }

  private static int csvRecords(String csv) {
    int records = 0;
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        records++;
      }
    }
    return records;
  }
}
