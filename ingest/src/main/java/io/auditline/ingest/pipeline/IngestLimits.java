package io.auditline.ingest.pipeline;

/**
 * Per-request limits enforced before anything is written.
 *
 * @param maxEventsPerRequest events in one batch
 * @param maxEventBytes encoded size of one event
 */
public record IngestLimits(int maxEventsPerRequest, int maxEventBytes) {

  public IngestLimits {
    if (maxEventsPerRequest < 1 || maxEventsPerRequest > 10_000) {
      throw new IllegalArgumentException("maxEventsPerRequest: " + maxEventsPerRequest + " (expected: 1..10000)");
    }
    if (maxEventBytes < 1024 || maxEventBytes > 1024 * 1024) {
      throw new IllegalArgumentException("maxEventBytes: " + maxEventBytes + " (expected: 1024..1048576)");
    }
  }
}
