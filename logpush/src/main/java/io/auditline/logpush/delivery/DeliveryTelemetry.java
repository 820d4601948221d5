package io.auditline.logpush.delivery;

import java.time.Duration;
import java.util.UUID;

/** What the delivery engine reports per job; implementations keep labels bounded (job id, reason). */
public interface DeliveryTelemetry {

  void delivered(UUID jobId, int records, long rawBytes, long compressedBytes, Duration upload);

  void failed(UUID jobId, String reason);

  void deadLettered(UUID jobId, int records);

  /** Records not yet delivered and the age of the oldest of them (zero when none). */
  void lag(UUID jobId, long records, Duration oldest);

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
    public void lag(UUID jobId, long records, Duration oldest) {}
  };
}
