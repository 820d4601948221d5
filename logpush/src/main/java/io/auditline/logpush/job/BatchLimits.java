package io.auditline.logpush.job;

import java.time.Duration;
import java.util.Objects;

/**
 * When a job's batch is flushed: whichever of age, record count or raw size is reached first.
 *
 * @param maxAge the longest an event waits in a batch, also when the stream goes idle (1 s .. 1 h)
 * @param maxRecords records per object (1 .. 1,000,000)
 * @param maxBytes uncompressed bytes per object (1 KiB .. 1 GiB)
 */
public record BatchLimits(Duration maxAge, int maxRecords, long maxBytes) {

  public static final Duration MIN_AGE = Duration.ofSeconds(1);
  public static final Duration MAX_AGE = Duration.ofHours(1);
  public static final int MAX_RECORDS = 1_000_000;
  public static final long MIN_BYTES = 1024;
  public static final long MAX_BYTES = 1024L * 1024 * 1024;

  public BatchLimits {
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.compareTo(MIN_AGE) < 0 || maxAge.compareTo(MAX_AGE) > 0) {
      throw new IllegalArgumentException("max_age: %s (expected: 1s .. 1h)".formatted(maxAge));
    }
    if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
      throw new IllegalArgumentException("max_records: %d (expected: 1 .. 1000000)".formatted(maxRecords));
    }
    if (maxBytes < MIN_BYTES || maxBytes > MAX_BYTES) {
      throw new IllegalArgumentException("max_bytes: %d (expected: 1024 .. 1073741824)".formatted(maxBytes));
    }
  }

  /** 30 s, 100,000 records, 100 MB. */
  public static BatchLimits defaults() {
    return new BatchLimits(Duration.ofSeconds(30), 100_000, 100L * 1000 * 1000);
  }
}
