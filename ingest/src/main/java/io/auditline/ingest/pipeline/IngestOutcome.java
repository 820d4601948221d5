package io.auditline.ingest.pipeline;

import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.Violation;
import java.time.Duration;
import java.util.List;

/** How an ingest call ended; the gRPC edge maps each case to a status and its details. */
public sealed interface IngestOutcome {

  /** Every event was accepted, deduplicated or (with partial success) individually rejected. */
  record Completed(IngestResponse response) implements IngestOutcome {}

  /** The request or an event broke a rule; nothing was written. Fields are "events[i].path". */
  record Invalid(String summary, List<Violation> violations) implements IngestOutcome {}

  /** The producer may not write (unknown identity, account or action type); nothing was written. */
  record Denied(String reason, String summary, List<Violation> violations) implements IngestOutcome {}

  /** The producer is over its rate; nothing was written; retry after the delay. */
  record RateLimited(String summary, Duration retryAfter) implements IngestOutcome {}

  /** Kafka did not acknowledge in time; events not acknowledged may be retried with the same ids. */
  record Unavailable(String summary) implements IngestOutcome {}
}
