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

  /** Writes an event read from its wire bytes, as {@link #write(AuditEvent)} would write it parsed. */
  void write(WireEvent event) throws IOException;

  /** Bytes written but still buffered, not yet passed to the stream. */
  int buffered();

  /** Passes everything buffered to the stream and releases the buffers; the stream itself stays open. */
  void close() throws IOException;

  /**
   * One object per line: events read from the wire are rendered straight into a byte buffer, parsed
   * events through a streaming generator. Each writer's buffer is emptied before the other writes, so
   * lines keep their order.
   */
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
    private final JsonBytes bytes;
    private final WireJsonWriter wireWriter;

    Ndjson(OutputStream out, JsonEventWriter writer, WireJsonWriter wireWriter) throws IOException {
      this.generator = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      this.writer = writer;
      this.bytes = new JsonBytes(out);
      this.wireWriter = wireWriter;
    }

    @Override
    public void write(AuditEvent event) throws IOException {
      bytes.flush();
      writer.write(event, generator);
      generator.writeRaw('\n');
    }

    @Override
    public void write(WireEvent event) throws IOException {
      if (generator.getOutputBuffered() > 0) {
        generator.flush();
      }
      wireWriter.write(event, bytes);
      bytes.raw('\n');
    }

    @Override
    public int buffered() {
      return generator.getOutputBuffered() + bytes.buffered();
    }

    @Override
    public void close() throws IOException {
      bytes.flush();
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
    public void write(WireEvent event) throws IOException {
      // CSV has no wire renderer: the rare caller that reads the wire here pays for a parse.
      write(AuditEvent.parseFrom(event.bytes()));
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
