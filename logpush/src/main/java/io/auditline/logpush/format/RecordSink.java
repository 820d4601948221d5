package io.auditline.logpush.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.auditline.proto.v1.AuditEvent;
import java.io.IOException;
import java.io.OutputStream;

/** Where a session writes records: a buffering NDJSON or CSV writer in front of the uncompressed stream. */
sealed interface RecordSink {

  void write(AuditEvent event) throws IOException;

  /** Bytes written but still buffered, not yet passed to the stream. */
  int buffered();

  /** Passes everything buffered to the stream and releases the buffers; the stream itself stays open. */
  void close() throws IOException;

  /** One object per line through a single streaming generator. */
  final class Ndjson implements RecordSink {

    // No root separator: lines end in '\n' by hand, and Jackson's default would put a space before each.
    // Surrogate pairs become 4-byte UTF-8, as EventJson's text does once encoded; Jackson's default escapes them.
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
        .rootValueSeparator((SerializableString) null)
        .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .disable(StreamWriteFeature.FLUSH_PASSED_TO_STREAM)
        .build();

    private final JsonGenerator generator;
    private final JsonEventWriter writer;

    Ndjson(OutputStream out, JsonEventWriter writer) throws IOException {
      this.generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      this.writer = writer;
    }

    @Override
    public void write(AuditEvent event) throws IOException {
      writer.write(event, generator);
      generator.writeRaw('\n');
    }

    @Override
    public int buffered() {
      return generator.getOutputBuffered();
    }

    @Override
    public void close() throws IOException {
      generator.close();
    }
  }

  /** A header row, then one row per event. */
  final class Csv implements RecordSink {

    private final Utf8Sink sink;
    private final CsvEventWriter writer;

    Csv(OutputStream out, CsvEventWriter writer) throws IOException {
      this.sink = new Utf8Sink(out);
      this.writer = writer;
      writer.header(sink);
    }

    @Override
    public void write(AuditEvent event) throws IOException {
      writer.write(event, sink);
    }

    @Override
    public int buffered() {
      return sink.buffered();
    }

    @Override
    public void close() throws IOException {
      sink.flush();
    }
  }
}
