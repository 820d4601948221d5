package io.auditline.logpush.format;

import com.fasterxml.jackson.core.io.SerializedString;
import io.auditline.store.query.EventCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compiles validated {@code fields} names into JSON parts and CSV columns, once per encoder. */
final class FieldSelection {

  private FieldSelection() {}

  /** The selected parts in EventJson's order, whatever order the names came in, so every job sees one shape. */
  static List<JsonPart> jsonParts(List<String> fields) {
    EnumSet<EventField> selected = fields.isEmpty() ? EnumSet.allOf(EventField.class) : EnumSet.noneOf(EventField.class);
    boolean allMetadata = fields.isEmpty();
    TreeSet<String> keys = new TreeSet<>();
    for (String name : fields) {
      if (name.equals(FieldNames.METADATA)) {
        allMetadata = true;
      } else if (name.startsWith(FieldNames.METADATA_PREFIX)) {
        keys.add(name.substring(FieldNames.METADATA_PREFIX.length()));
      } else if (FieldNames.isGroup(name)) {
        Arrays.stream(EventField.values()).filter(f -> name.equals(f.group())).forEach(selected::add);
      } else {
        selected.add(EventField.byName(name).orElseThrow());
      }
    }
    List<JsonPart> parts = new ArrayList<>();
    for (EventField f : EventField.values()) {
      if (f == EventField.SCHEMA_VERSION && (allMetadata || !keys.isEmpty())) {
        parts.add(allMetadata ? new JsonPart.AllMetadata()
            : new JsonPart.MetadataKeys(keys.stream().map(SerializedString::new).toList()));
      }
      if (f.group() == null) {
        if (selected.contains(f)) {
          parts.add(new JsonPart.Field(f));
        }
      } else if (f.ordinal() == 0 || !f.group().equals(EventField.values()[f.ordinal() - 1].group())) {
        List<EventField> members = selected.stream().filter(m -> f.group().equals(m.group())).toList();
        if (!members.isEmpty()) {
          parts.add(new JsonPart.Group(new SerializedString(f.group()), f.group().equals("request"), members));
        }
      }
    }
    return List.copyOf(parts);
  }

  /** EventCsv's columns for all fields; otherwise one column per name in the order given, objects expanded. */
  static List<CsvColumn> csvColumns(List<String> fields) {
    if (fields.isEmpty()) {
      return EventCsv.COLUMNS.stream().map(FieldSelection::exportColumn).toList();
    }
    Map<String, CsvColumn> columns = new LinkedHashMap<>();
    for (String name : fields) {
      if (name.equals(FieldNames.METADATA)) {
        columns.putIfAbsent(name, new CsvColumn.AllMetadata(name));
      } else if (name.startsWith(FieldNames.METADATA_PREFIX)) {
        columns.putIfAbsent(name, new CsvColumn.MetadataKey(name, name.substring(FieldNames.METADATA_PREFIX.length())));
      } else if (FieldNames.isGroup(name)) {
        Arrays.stream(EventField.values()).filter(f -> name.equals(f.group()))
            .forEach(f -> columns.putIfAbsent(f.dotted(), new CsvColumn.Field(f.dotted(), f)));
      } else {
        columns.putIfAbsent(name, new CsvColumn.Field(name, EventField.byName(name).orElseThrow()));
      }
    }
    return List.copyOf(columns.values());
  }

  /** Maps an export column name such as {@code actor_email} or {@code request_id} to its field. */
  private static CsvColumn exportColumn(String column) {
    if (column.equals(FieldNames.METADATA)) {
      return new CsvColumn.AllMetadata(column);
    }
    EventField field = switch (column) {
      case "occurred_at" -> EventField.ACTION_OCCURRED_AT;
      case "request_id" -> EventField.REQUEST_REQUEST_ID;
      default -> Arrays.stream(EventField.values()).filter(f -> f.dotted().replace('.', '_').equals(column))
          .findFirst().orElseThrow(() -> new IllegalStateException("EventCsv column without a field: " + column));
    };
    return new CsvColumn.Field(column, field);
  }
}
