package io.auditline.logpush.delivery;

import io.auditline.logpush.job.Job;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.store.query.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Builds a job's {@link JobFormat} from its stored output options and filter. */
final class JobFormats {

  private JobFormats() {}

  static JobFormat forJob(Job job) {
    return new JobFormat() {
      @Override
      public boolean accepts(AuditEvent event) {
        return true;
      }

      @Override
      public Session open() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GZIPOutputStream gzip = new GZIPOutputStream(bytes, 64 * 1024);
        return new Session() {
          int records;
          long raw;

          @Override
          public boolean add(AuditEvent event) throws IOException {
            byte[] line = (EventJson.toJson(event) + "\n").getBytes(StandardCharsets.UTF_8);
            gzip.write(line);
            records++;
            raw += line.length;
            return true;
          }

          @Override
          public int records() {
            return records;
          }

          @Override
          public long rawBytes() {
            return raw;
          }

          @Override
          public Encoded finish() throws IOException {
            gzip.close();
            return new Encoded(bytes.toByteArray(), records, raw, "application/x-ndjson", "gzip", ".ndjson.gz");
          }
        };
      }
    };
  }
}
