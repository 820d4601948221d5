package io.auditline.logpush.delivery;

import io.auditline.logpush.filter.Filter;
import io.auditline.logpush.filter.FilterParse;
import io.auditline.logpush.format.BatchEncoder;
import io.auditline.logpush.format.EncodedBatch;
import io.auditline.logpush.format.EncodingSession;
import io.auditline.logpush.format.OptionsParse;
import io.auditline.logpush.format.OutputFormat;
import io.auditline.logpush.format.OutputOptions;
import io.auditline.logpush.format.WireEvent;
import io.auditline.logpush.job.Job;
import io.auditline.proto.v1.AuditEvent;

/** Builds a job's {@link JobFormat} from its stored output options and filter, validated when the job was saved. */
final class JobFormats {

  private JobFormats() {}

  static JobFormat forJob(Job job) {
    OutputOptions options = switch (OutputOptions.parse(job.outputOptions())) {
      case OptionsParse.Valid valid -> valid.options();
      case OptionsParse.Invalid invalid -> throw new IllegalStateException("stored output options are invalid: " + invalid.errors());
    };
    Filter filter = job.filter().map(f -> switch (Filter.parse(f)) {
      case FilterParse.Valid valid -> valid.filter();
      case FilterParse.Invalid invalid -> throw new IllegalStateException("stored filter is invalid: " + invalid.errors());
    }).orElse(Filter.matchAll());
    BatchEncoder encoder = BatchEncoder.create(options);
    return new JobFormat() {
      @Override
      public boolean accepts(AuditEvent event) {
        return filter.test(event);
      }

      @Override
      public boolean concatenable() {
        return options.format() == OutputFormat.NDJSON;
      }

      @Override
      public boolean readsWire() {
        return options.format() == OutputFormat.NDJSON && filter.where().isEmpty();
      }

      @Override
      public Session open() {
        EncodingSession session = encoder.open();
        return new Session() {
          @Override
          public boolean add(AuditEvent event) {
            return session.add(event);
          }

          @Override
          public boolean add(WireEvent event) {
            return session.add(event);
          }

          @Override
          public int records() {
            return session.records();
          }

          @Override
          public long rawBytes() {
            return session.sizeEstimate();
          }

          @Override
          public Encoded finish() {
            EncodedBatch batch = session.finish();
            return new Encoded(batch.body(), batch.records(), batch.rawBytes(), batch.contentType(), batch.contentEncoding(),
                batch.fileExtension());
          }
        };
      }
    };
  }
}
