package io.auditline.logpush.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.auditline.logpush.deadletter.DeadLetter;
import io.auditline.logpush.job.Job;
import io.auditline.logpush.job.JobHealth;
import io.auditline.logpush.job.JobView;
import io.auditline.logpush.replay.Replay;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The JSON shapes of jobs, dead letters and replays; a job shows only its redacted destination. */
final class Json {

  private Json() {}

  static ObjectNode job(JobView view, Instant now) {
    Job job = view.job();
    ObjectNode o = Http.JSON.createObjectNode();
    o.put("id", job.id().toString());
    o.put("name", job.name());
    o.put("dataset", job.dataset());
    o.put("destination", job.destinationRedacted());
    o.set("output_options", job.outputOptions());
    o.set("filter", job.filter().map(ObjectNode.class::cast).orElse(null));
    o.put("max_age", duration(job.limits().maxAge()));
    o.put("max_records", job.limits().maxRecords());
    o.put("max_bytes", job.limits().maxBytes());
    o.put("enabled", job.enabled());
    instant(o, "ownership_verified_at", job.ownershipVerifiedAt());
    o.put("start_at", job.startAt().toString());
    o.put("created_at", view.createdAt().toString());
    o.put("updated_at", view.updatedAt().toString());
    o.put("revision", job.revision());
    JobHealth health = view.health();
    ObjectNode h = o.putObject("health");
    instant(h, "last_complete", health.lastComplete());
    instant(h, "last_error", health.lastError());
    h.put("error_message", health.errorMessage().orElse(null));
    h.put("lag_records", health.lagRecords());
    h.put("lag_seconds", health.lagSeconds(now, job.startAt()));
    h.put("healthy", health.healthy());
    h.put("consecutive_failures", health.consecutiveFailures());
    h.put("dead_letters_pending", health.deadLettersPending());
    return o;
  }

  static ObjectNode deadLetter(DeadLetter d) {
    ObjectNode o = Http.JSON.createObjectNode();
    o.put("id", d.id().toString());
    o.put("job_id", d.jobId().toString());
    o.put("object_key", d.objectKey());
    o.put("partition", d.partition().orElse(null));
    o.put("first_offset", d.firstOffset().orElse(null));
    o.put("last_offset", d.lastOffset().orElse(null));
    o.put("records", d.records());
    o.put("reason", d.reason());
    o.put("error_message", d.errorMessage());
    o.put("attempts", d.attempts());
    o.put("content_type", d.contentType());
    o.put("content_encoding", d.contentEncoding());
    o.put("created_at", d.createdAt().toString());
    instant(o, "redriven_at", d.redrivenAt());
    return o;
  }

  static ObjectNode replay(Replay r) {
    ObjectNode o = Http.JSON.createObjectNode();
    o.put("id", r.id().toString());
    o.put("job_id", r.jobId().toString());
    o.put("since", r.since().toString());
    o.put("before", r.before().toString());
    o.put("state", r.state().wireName());
    o.put("source", r.source().orElse(null));
    o.put("total_records", r.totalRecords().orElse(null));
    o.put("delivered_records", r.deliveredRecords());
    o.put("objects", r.objects());
    o.put("progress_percent", progress(r).orElse(null));
    o.put("error_message", r.errorMessage().orElse(null));
    o.put("key_prefix", r.keyPrefix());
    o.put("created_at", r.createdAt().toString());
    instant(o, "finished_at", r.finishedAt());
    return o;
  }

  /** Whole percent delivered, once the total is known: 100 for an empty range. */
  static Optional<Integer> progress(Replay r) {
    return r.totalRecords().map(total -> total <= 0 ? 100 : (int) Math.min(100, r.deliveredRecords() * 100 / total));
  }

  /** The largest whole unit: {@code 1h}, {@code 5m}, {@code 30s}, {@code 1500ms}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  private static void instant(ObjectNode o, String name, Optional<Instant> value) {
    o.put(name, value.map(Instant::toString).orElse(null));
  }
}
