package io.auditline.logpush.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** What the delivery engine reports per job; implementations keep labels bounded (job id, reason). */
public interface DeliveryTelemetry {

  void delivered(UUID jobId, int records, long rawBytes, long compressedBytes, Duration upload);

  void failed(UUID jobId, String reason);

  void deadLettered(UUID jobId, int records);

  /**
   * Records not yet delivered, and the Kafka timestamp of the oldest record the job has read but the
   * destination has not confirmed (in an open batch or an upload in flight). {@code oldest} is empty
   * when the worker has not read anything pending yet (just after a restart); the previous value then
   * stands while {@code records > 0}.
   */
  void lag(UUID jobId, long records, Optional<Instant> oldest);

  /** Dead letters of the job not yet redriven, as last counted. */
  default void deadLetters(UUID jobId, long pending) {}

  /** A job's worker started on this instance; {@code maxAge} is the job's batch interval, for freshness SLOs. */
  default void started(UUID jobId, Duration maxAge) {}

  /** A job's worker stopped on this instance; its gauges go. */
  default void stopped(UUID jobId) {}

  DeliveryTelemetry NONE = new DeliveryTelemetry() {
    @Override
    public void delivered(UUID jobId, int records, long rawBytes, long compressedBytes, Duration upload) {}

    @Override
    public void failed(UUID jobId, String reason) {}

    @Override
    public void deadLettered(UUID jobId, int records) {}

    @Override
    public void lag(UUID jobId, long records, Optional<Instant> oldest) {}
  };
}
