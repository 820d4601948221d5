package io.auditline.detect.schedule;

import java.time.Instant;

/** What the scheduler reports; no per-zone labels. */
public interface SchedulerTelemetry {

  void evaluated();

  void failed();

  /** A tick finished; {@code lastComplete} is the latest minute it evaluated. */
  default void tickCompleted(Instant lastComplete) {}

  SchedulerTelemetry NONE = new SchedulerTelemetry() {
    @Override
    public void evaluated() {}

    @Override
    public void failed() {}
  };
}
