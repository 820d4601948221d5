package io.auditline.logpush.delivery;

import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.destination.Upload;
import io.auditline.logpush.job.Job;
import io.auditline.logpush.replay.ReplaySource;
import io.auditline.logpush.replay.ReplaySource.ReplayRecord;
import java.time.Instant;

/** Cuts a replay's records into objects by the job's record and byte limits, per run of the source. */
final class ReplayBatches {

  private final Job job;
  private final JobFormat format;
  private final KeyTemplate keys;
  private final String prefix;
  private final BatchUploader uploader;
  private final ReplayRunner.Progress progress;
  private final BatchUploader.Pause pause;
  private JobFormat.Session session;
  private String run;
  private long firstPosition;
  private long lastPosition;
  private Instant firstTime;

  ReplayBatches(Job job, JobFormat format, KeyTemplate keys, String prefix, BatchUploader uploader,
      ReplayRunner.Progress progress, BatchUploader.Pause pause) {
    this.job = job;
    this.format = format;
    this.keys = keys;
    this.prefix = prefix;
    this.uploader = uploader;
    this.progress = progress;
    this.pause = pause;
  }

  void deliver(ReplaySource source) throws Exception {
    source.read(this::add);
    flush();
  }

  private void add(ReplayRecord record) throws Exception {
    if (session != null && !record.run().equals(run)) {
      flush();
    }
    if (session == null) {
      session = format.open();
      run = record.run();
      firstPosition = record.position();
      firstTime = Instant.ofEpochMilli(record.timeMillis());
    }
    lastPosition = record.position();
    if (record.event() != null && format.accepts(record.event())) {
      session.add(record.event());
    }
    progress.examined++;
    if (session.records() >= job.limits().maxRecords() || session.rawBytes() >= job.limits().maxBytes()) {
      flush();
    }
    progress.report(false);
  }

  private void flush() throws Exception {
    if (session == null) {
      return;
    }
    JobFormat.Encoded encoded = session.finish();
    session = null;
    if (encoded.records() == 0) {
      return;
    }
    String name = "%s-%s-%020d%s".formatted(job.id(), run, firstPosition, encoded.extension());
    String key = keys.expand(firstTime, job.id().toString()) + prefix + name;
    Upload upload = new Upload(key, encoded.body(), encoded.contentType(), encoded.contentEncoding(), prefix + name);
    BatchOrigin origin = run.startsWith("p")
        ? BatchOrigin.kafka(Integer.parseInt(run.substring(1)), firstPosition, lastPosition) : BatchOrigin.store();
    if (uploader.deliver(upload, encoded, origin, pause) == BatchUploader.Result.DELIVERED) {
      progress.objects++;
    }
    progress.delivered += encoded.records();
  }
}
