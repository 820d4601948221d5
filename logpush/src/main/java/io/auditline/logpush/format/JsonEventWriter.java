package io.auditline.logpush.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.auditline.proto.v1.AuditEvent;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes one event as a JSON object of the selected parts. With every field and RFC 3339 timestamps the
 * output is byte for byte {@code EventJson.toJson}; unlike it, nothing here builds a String per event.
 * One instance per session: it owns scratch buffers.
 */
final class JsonEventWriter {

  private static final SerializedString METADATA = new SerializedString(FieldNames.METADATA);

  private final JsonPart[] parts;
  private final TimestampFormat timestamps;
  private final char[] scratch = new char[32];
  private String[] keys = new String[32];

  JsonEventWriter(List<JsonPart> parts, TimestampFormat timestamps) {
    this.parts = parts.toArray(JsonPart[]::new);
    this.timestamps = timestamps;
  }

  void write(AuditEvent e, JsonGenerator g) throws IOException {
    g.writeStartObject();
    for (JsonPart part : parts) {
      switch (part) {
        case JsonPart.Field f -> {
          g.writeFieldName(f.field().member());
          value(f.field(), e, g);
        }
        case JsonPart.Group group -> group(group, e, g);
        case JsonPart.AllMetadata all -> allMetadata(e.getMetadataMap(), g);
        case JsonPart.MetadataKeys selected -> metadataKeys(selected.keys(), e.getMetadataMap(), g);
      }
    }
    g.writeEndObject();
  }

  private void group(JsonPart.Group group, AuditEvent e, JsonGenerator g) throws IOException {
    g.writeFieldName(group.name());
    if (group.orNull() && !e.hasRequest()) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    for (EventField f : group.fields()) {
      g.writeFieldName(f.member());
      value(f, e, g);
    }
    g.writeEndObject();
  }

  private void value(EventField f, AuditEvent e, JsonGenerator g) throws IOException {
    switch (f.kind()) {
      case STRING -> {
        String s = f.string(e);
        if (f.nullable() && s.isEmpty()) {
          g.writeNull();
        } else {
          g.writeString(s);
        }
      }
      case NUMBER -> {
        if (f.isNull(e)) {
          g.writeNull();
        } else {
          g.writeNumber(f.number(e));
        }
      }
      case TIMESTAMP -> timestamps.write(f.timestamp(e), g, scratch);
    }
  }

  private void allMetadata(Map<String, String> metadata, JsonGenerator g) throws IOException {
    g.writeFieldName(METADATA);
    g.writeStartObject();
    int n = metadata.size();
    if (n > keys.length) {
      keys = new String[Math.max(n, keys.length * 2)];
    }
    // Sorting the keys in a reused array gives TreeMap's order without a TreeMap per event.
    metadata.keySet().toArray(keys);
    Arrays.sort(keys, 0, n);
    for (int i = 0; i < n; i++) {
      g.writeFieldName(keys[i]);
      g.writeString(metadata.get(keys[i]));
      keys[i] = null;
    }
    g.writeEndObject();
  }

  private static void metadataKeys(List<SerializedString> selected, Map<String, String> metadata, JsonGenerator g)
      throws IOException {
    g.writeFieldName(METADATA);
    g.writeStartObject();
    for (SerializedString key : selected) {
      g.writeFieldName(key);
      String value = metadata.get(key.getValue());
      if (value == null) {
        g.writeNull();
      } else {
        g.writeString(value);
      }
    }
    g.writeEndObject();
  }
}
