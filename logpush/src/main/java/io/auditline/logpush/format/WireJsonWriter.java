package io.auditline.logpush.format;

import com.fasterxml.jackson.core.io.SerializedString;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.ActorType;
import io.auditline.store.query.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes one event read from its wire bytes as the JSON object {@link JsonEventWriter} writes for the
 * parsed event, byte for byte, copying strings from the record instead of decoding and re-encoding
 * them. One instance per session: it owns a scratch buffer.
 */
final class WireJsonWriter {

  private static final byte[] NULL = ascii("null");
  private static final byte[] METADATA = ascii("\"" + FieldNames.METADATA + "\":");
  private static final byte[] NULL_WORD = ascii("\"unknown\"");
  private static final byte[][] ACTOR_TYPES = words(ActorType.values(), "ACTOR_TYPE_");
  private static final byte[][] ACTION_RESULTS = words(ActionResult.values(), "ACTION_RESULT_");

  /** A part compiled to bytes: member names with their quotes and colon. */
  private sealed interface Part {}

  private record Field(byte[] name, EventField field) implements Part {}

  private record Group(byte[] name, boolean orNull, byte[][] names, EventField[] fields) implements Part {}

  private record AllMetadata() implements Part {}

  private record MetadataKeys(byte[][] names, byte[][] keys) implements Part {}

  private final Part[] parts;
  private final TimestampFormat timestamps;
  private final char[] scratch = new char[32];

  WireJsonWriter(List<JsonPart> parts, TimestampFormat timestamps) {
    this.parts = parts.stream().map(WireJsonWriter::compile).toArray(Part[]::new);
    this.timestamps = timestamps;
  }

  void write(WireEvent e, JsonBytes out) throws IOException {
    out.raw('{');
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.raw(',');
      }
      switch (parts[i]) {
        case Field f -> {
          out.raw(f.name());
          value(f.field(), e, out);
        }
        case Group g -> group(g, e, out);
        case AllMetadata all -> allMetadata(e, out);
        case MetadataKeys selected -> metadataKeys(selected, e, out);
      }
    }
    out.raw('}');
  }

  private void group(Group group, WireEvent e, JsonBytes out) throws IOException {
    out.raw(group.name());
    if (group.orNull() && !e.hasRequest()) {
      out.raw(NULL);
      return;
    }
    out.raw('{');
    for (int i = 0; i < group.fields().length; i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.raw(group.names()[i]);
      value(group.fields()[i], e, out);
    }
    out.raw('}');
  }

  private void value(EventField f, WireEvent e, JsonBytes out) throws IOException {
    switch (f) {
      case ACTOR_TYPE -> out.raw(word(ACTOR_TYPES, e.actorType()));
      case ACTION_RESULT -> out.raw(word(ACTION_RESULTS, e.actionResult()));
      case ACTION_OCCURRED_AT -> timestamps.write(e.seconds(), e.nanos(), out, scratch);
      case REQUEST_STATUS_CODE -> {
        if (e.statusCode() == 0) {
          out.raw(NULL);
        } else {
          out.number(e.statusCode());
        }
      }
      case SCHEMA_VERSION -> out.number(e.schemaVersion());
      default -> {
        int length = e.length(f);
        if (f.nullable() && length == 0) {
          out.raw(NULL);
        } else {
          out.string(e.bytes(), e.start(f), length);
        }
      }
    }
  }

  private static void allMetadata(WireEvent e, JsonBytes out) throws IOException {
    out.raw(METADATA);
    out.raw('{');
    for (int i = 0; i < e.metadataCount(); i++) {
      if (i > 0) {
        out.raw(',');
      }
      out.string(e.bytes(), e.metadata(i, 0), e.metadata(i, 1));
      out.raw(':');
      out.string(e.bytes(), e.metadata(i, 2), e.metadata(i, 3));
    }
    out.raw('}');
  }

  private static void metadataKeys(MetadataKeys selected, WireEvent e, JsonBytes out) throws IOException {
    out.raw(METADATA);
    out.raw('{');
    for (int k = 0; k < selected.keys().length; k++) {
      if (k > 0) {
        out.raw(',');
      }
      out.raw(selected.names()[k]);
      byte[] key = selected.keys()[k];
      int found = -1;
      for (int i = 0; i < e.metadataCount() && found < 0; i++) {
        int start = e.metadata(i, 0);
        if (Arrays.equals(e.bytes(), start, start + e.metadata(i, 1), key, 0, key.length)) {
          found = i;
        }
      }
      if (found < 0) {
        out.raw(NULL);
      } else {
        out.string(e.bytes(), e.metadata(found, 2), e.metadata(found, 3));
      }
    }
    out.raw('}');
  }

  private static byte[] word(byte[][] words, int number) {
    return number >= 0 && number < words.length && words[number] != null ? words[number] : NULL_WORD;
  }

  private static Part compile(JsonPart part) {
    return switch (part) {
      case JsonPart.Field f -> new Field(name(f.field().member()), f.field());
      case JsonPart.Group g -> new Group(name(g.name()), g.orNull(),
          g.fields().stream().map(f -> name(f.member())).toArray(byte[][]::new), g.fields().toArray(EventField[]::new));
      case JsonPart.AllMetadata all -> new AllMetadata();
      case JsonPart.MetadataKeys selected -> new MetadataKeys(
          selected.keys().stream().map(WireJsonWriter::name).toArray(byte[][]::new),
          selected.keys().stream().map(k -> k.getValue().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new));
    };
  }

  /** {@code "name":} as Jackson writes a member name, escaped. */
  private static byte[] name(SerializedString name) {
    byte[] quoted = name.asQuotedUTF8();
    byte[] out = new byte[quoted.length + 3];
    out[0] = '"';
    System.arraycopy(quoted, 0, out, 1, quoted.length);
    out[quoted.length + 1] = '"';
    out[quoted.length + 2] = ':';
    return out;
  }

  /** The quoted word of each enum number this build knows, as EventJson writes it. */
  private static byte[][] words(Enum<?>[] values, String prefix) {
    int max = Arrays.stream(values).filter(v -> !v.name().equals("UNRECOGNIZED"))
        .mapToInt(v -> ((com.google.protobuf.ProtocolMessageEnum) v).getNumber()).max().orElse(-1);
    byte[][] words = new byte[max + 1][];
    for (Enum<?> v : values) {
      if (!v.name().equals("UNRECOGNIZED")) {
        words[((com.google.protobuf.ProtocolMessageEnum) v).getNumber()] = ascii("\"" + EventJson.enumWord(v, prefix) + "\"");
      }
    }
    return words;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
