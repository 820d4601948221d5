package io.auditline.logpush.delivery;

import io.auditline.logpush.destination.KeyTemplate;
import java.time.Instant;
import java.util.UUID;

/**
 * Object keys derived from stable positions only: the job, the Kafka partition and the batch's first
 * offset (and the first record's log time for the prefix's placeholders). A batch re-formed after a
 * retry or a crash therefore lands under the key it had before and replaces that object.
 */
final class ObjectKeys {

  private ObjectKeys() {}

  static String key(KeyTemplate template, String extraPrefix, UUID jobId, int partition, long firstOffset,
      Instant firstRecordTime, String extension) {
    return template.expand(firstRecordTime, jobId.toString()) + extraPrefix
        + "%s-p%d-%020d%s".formatted(jobId, partition, firstOffset, extension);
  }

  static String idempotencyKey(String extraPrefix, UUID jobId, int partition, long firstOffset) {
    return extraPrefix + jobId + ":" + partition + ":" + firstOffset;
  }
}
