package io.auditline.logpush.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import io.auditline.logpush.testing.TestEvents;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Rendering from wire bytes ({@link WireEvent}) writes exactly what rendering the parsed event writes. */
class WireJsonProperties {

  @Property(tries = 300)
  void allFieldsFromWireBytesIsEventJsonByteForByte(@ForAll("events") @Size(max = 20) List<AuditEvent> events) {
    StringBuilder expected = new StringBuilder();
    events.forEach(e -> expected.append(EventJson.toJson(e)).append('\n'));
    List<byte[]> records = events.stream().map(AuditEvent::toByteArray).toList();
    assertThat(records).allMatch(r -> new WireEvent().read(r));

    byte[] body = viaWire(Bodies.ndjson(List.of(), TimestampFormat.RFC3339), records);

    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }

  @Property(tries = 500)
  void anySelectionFromWireBytesEqualsTheParsedEventsOutput(@ForAll("events") @Size(max = 10) List<AuditEvent> events,
      @ForAll("options") OutputOptions options) {
    List<byte[]> records = events.stream().map(AuditEvent::toByteArray).toList();
    assertThat(records).allMatch(r -> new WireEvent().read(r));

    assertThat(text(viaWire(options, records))).isEqualTo(text(viaParse(options, records)));
  }

  @Property(tries = 300)
  void concatenatedRecordsMergeAsTheParserMergesThem(@ForAll("event") AuditEvent first, @ForAll("event") AuditEvent second,
      @ForAll("options") OutputOptions options) {
    // Two serialized messages back to back are one message: later scalars win, messages and maps merge.
    byte[] merged = concat(first.toByteArray(), second.toByteArray());

    assertThat(new WireEvent().read(merged)).isTrue();
    assertThat(text(viaWire(options, List.of(merged)))).isEqualTo(text(viaParse(options, List.of(merged))));
  }

  @Property(tries = 300)
  void unknownFieldsAreSkipped(@ForAll("event") AuditEvent event, @ForAll @IntRange(min = 10, max = 2000) int number,
      @ForAll @Size(max = 40) byte[] payload) {
    ByteArrayOutputStream unknown = new ByteArrayOutputStream();
    varint(unknown, number << 3 | 2);
    varint(unknown, payload.length);
    unknown.writeBytes(payload);
    varint(unknown, (number + 1) << 3);
    varint(unknown, payload.length * 1000L);
    byte[] record = concat(unknown.toByteArray(), event.toByteArray());
    OutputOptions options = Bodies.ndjson(List.of(), TimestampFormat.RFC3339);

    assertThat(new WireEvent().read(record)).isTrue();
    assertThat(text(viaWire(options, List.of(record)))).isEqualTo(EventJson.toJson(event) + "\n");
  }

  @Property(tries = 1000)
  void whatTheReaderAcceptsTheParserAcceptsAndRendersAlike(@ForAll("event") AuditEvent event,
      @ForAll("mutations") List<int[]> mutations) {
    byte[] record = event.toByteArray();
    for (int[] m : mutations) {
      if (m[0] == 0 && record.length > 0) {
        record = java.util.Arrays.copyOf(record, m[1] % record.length);
      } else if (record.length > 0) {
        record[m[1] % record.length] = (byte) m[2];
      }
    }
    OutputOptions options = Bodies.ndjson(List.of(), TimestampFormat.RFC3339);
    if (!new WireEvent().read(record)) {
      return; // the caller parses such a record, as before
    }
    AuditEvent parsed;
    try {
      parsed = AuditEvent.parseFrom(record);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("the wire reader accepted a record the parser rejects", e);
    }
    String expected;
    try {
      expected = EventJson.toJson(parsed) + "\n";
    } catch (RuntimeException e) { // a timestamp beyond Instant's range fails both ways alike
      byte[] mutated = record;
      assertThatThrownBy(() -> viaWire(options, List.of(mutated))).isInstanceOf(e.getClass());
      return;
    }
    assertThat(text(viaWire(options, List.of(record)))).isEqualTo(expected);
  }

  @Property(tries = 1000)
  void stringsAreEscapedAsJacksonEscapesThem(@ForAll("longTexts") String text) throws Exception {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream ours = new ByteArrayOutputStream();
    JsonBytes bytes = new JsonBytes(ours);
    bytes.string(utf8, 0, utf8.length);
    bytes.flush();
    ByteArrayOutputStream jackson = new ByteArrayOutputStream();
    try (var g = new com.fasterxml.jackson.core.JsonFactoryBuilder()
        .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build()
        .createGenerator(jackson)) {
      g.writeString(new String(utf8, StandardCharsets.UTF_8));
    }

    assertThat(ours.toString(StandardCharsets.UTF_8)).isEqualTo(jackson.toString(StandardCharsets.UTF_8));
  }

  @Property(tries = 2000)
  void utf8CheckAgreesWithProtobufs(@ForAll("nearlyUtf8") byte[] bytes) {
    assertThat(WireEvent.validUtf8(bytes, 0, bytes.length))
        .isEqualTo(com.google.protobuf.ByteString.copyFrom(bytes).isValidUtf8());
  }

  @Example
  void declinesInvalidUtf8AndNonAsciiMetadataKeys() {
    AuditEvent event = TestEvents.event().build();
    byte[] record = event.toByteArray();
    int at = indexOf(record, event.getActor().getId().getBytes(StandardCharsets.UTF_8));
    record[at] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
    assertThat(new WireEvent().read(record)).isFalse();

    assertThat(new WireEvent().read(TestEvents.event().putMetadata("clé", "v").build().toByteArray())).isFalse();
    assertThat(new WireEvent().read(TestEvents.event().build().toByteArray())).isTrue();
  }

  @Example
  void accountAndIdAreReadFromTheBytes() {
    AuditEvent event = TestEvents.event().setAccountId("acct-é").build();
    WireEvent wire = new WireEvent();

    assertThat(wire.read(event.toByteArray())).isTrue();
    assertThat(wire.accountIs("acct-é".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(wire.accountIs("acct-e".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(wire.id()).isEqualTo(event.getId());
  }

  @Example
  void stringsLongerThanTheBufferAreWrittenWhole() {
    String description = "x\"".repeat(JsonBytes.CAPACITY);
    AuditEvent event = TestEvents.event().setAction(TestEvents.event().getAction().toBuilder().setDescription(description))
        .build();
    List<byte[]> records = List.of(event.toByteArray(), event.toByteArray());

    byte[] body = viaWire(Bodies.ndjson(List.of(), TimestampFormat.RFC3339), records);

    assertThat(text(body)).isEqualTo(EventJson.toJson(event) + "\n" + EventJson.toJson(event) + "\n");
  }

  /** Each record through the wire reader, or parsed where the reader declines it, as the delivery does. */
  private static byte[] viaWire(OutputOptions options, List<byte[]> records) {
    try (EncodingSession session = BatchEncoder.create(options).open()) {
      WireEvent wire = new WireEvent();
      for (byte[] record : records) {
        if (wire.read(record)) {
          session.add(wire);
        } else {
          session.add(parse(record));
        }
      }
      return Bodies.decode(session.finish());
    }
  }

  private static byte[] viaParse(OutputOptions options, List<byte[]> records) {
    List<AuditEvent> events = new ArrayList<>();
    records.forEach(r -> events.add(parse(r)));
    return Bodies.decode(Bodies.encode(options, events));
  }

  private static AuditEvent parse(byte[] record) {
    try {
      return AuditEvent.parseFrom(record);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static void varint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found");
  }

  @Provide
  Arbitrary<List<AuditEvent>> events() {
    return TestEvents.events().list();
  }

  @Provide
  Arbitrary<AuditEvent> event() {
    return TestEvents.events();
  }

  /** Text of the tricky fragments long enough for the eight-byte paths, and arbitrary text. */
  @Provide
  Arbitrary<String> longTexts() {
    return Arbitraries.oneOf(TestEvents.texts().list().ofMaxSize(12).map(p -> String.join("", p)),
        Arbitraries.strings().ofMaxLength(60), Arbitraries.strings().ascii().ofMaxLength(60));
  }

  /** Valid UTF-8 with a few bytes changed, so that both answers come up often. */
  @Provide
  Arbitrary<byte[]> nearlyUtf8() {
    Arbitrary<byte[]> valid = Arbitraries.strings().ofMaxLength(30).map(t -> t.getBytes(StandardCharsets.UTF_8));
    return Combinators.combine(valid, Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(0, 255),
        Arbitraries.integers().between(0, 2)).as((b, at, value, changes) -> {
          for (int i = 0; i < changes && b.length > 0; i++) {
            b[(at + 7 * i) % b.length] = (byte) (value + 37 * i);
          }
          return b;
        });
  }

  /** Truncations (0, at) and byte overwrites (1, at, value). */
  @Provide
  Arbitrary<List<int[]>> mutations() {
    Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 10_000),
        Arbitraries.integers().between(0, 255)).as((kind, at, value) -> new int[] {kind, at, value});
    return one.list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<OutputOptions> options() {
    Arbitrary<List<String>> fields = Arbitraries.oneOf(Arbitraries.just(List.of()),
        Arbitraries.of(FieldNames.SELECTABLE).map(n -> n.replace("<key>", "ticket")).set().ofMaxSize(6)
            .map(List::copyOf));
    return Combinators.combine(fields, Arbitraries.of(TimestampFormat.class), Arbitraries.of(1.0, 0.5),
        Arbitraries.of(Compression.class))
        .as((f, ts, rate, compression) -> new OutputOptions(f, OutputFormat.NDJSON, ts, rate, compression, OptionalInt.empty()));
  }
}
