package io.auditline.logpush.format;

import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventJson;
import java.io.IOException;
import java.util.List;

/** Writes the header and one CRLF-terminated row per event; with every field and RFC 3339 it is EventCsv's output. */
final class CsvEventWriter {

  private final CsvColumn[] columns;
  private final TimestampFormat timestamps;

  CsvEventWriter(List<CsvColumn> columns, TimestampFormat timestamps) {
    this.columns = columns.toArray(CsvColumn[]::new);
    this.timestamps = timestamps;
  }

  void header(Utf8Sink out) throws IOException {
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        out.ascii(',');
      }
      out.cell(columns[i].header());
    }
    out.ascii('\r');
    out.ascii('\n');
  }

  void write(AuditEvent e, Utf8Sink out) throws IOException {
    for (int i = 0; i < columns.length; i++) {
      if (i > 0) {
        out.ascii(',');
      }
      out.cell(cell(columns[i], e));
    }
    out.ascii('\r');
    out.ascii('\n');
  }

  private String cell(CsvColumn column, AuditEvent e) {
    return switch (column) {
      case CsvColumn.Field f when f.field().kind() == EventField.Kind.TIMESTAMP -> timestamps.text(f.field().timestamp(e));
      case CsvColumn.Field f -> {
        String text = f.field().text(e);
        yield text == null ? "" : text;
      }
      case CsvColumn.AllMetadata m -> EventJson.metadataJson(e.getMetadataMap());
      case CsvColumn.MetadataKey k -> e.getMetadataMap().getOrDefault(k.key(), "");
    };
  }
}
