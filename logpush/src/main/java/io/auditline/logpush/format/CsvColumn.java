package io.auditline.logpush.format;

/** One column of the CSV a job writes: its header and where its cells come from. */
sealed interface CsvColumn {

  String header();

  record Field(String header, EventField field) implements CsvColumn {}

  /** The metadata object as sorted JSON, as EventCsv writes it. */
  record AllMetadata(String header) implements CsvColumn {}

  /** One metadata value; empty when the event lacks the key. */
  record MetadataKey(String header, String key) implements CsvColumn {}
}
