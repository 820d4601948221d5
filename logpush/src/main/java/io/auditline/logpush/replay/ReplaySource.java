package io.auditline.logpush.replay;

import io.auditline.proto.v1.AuditEvent;
import java.util.Optional;

/** Reads the events of a replay's range, in a stable order, in runs of one origin each. */
public interface ReplaySource {

  /** The source's wire name: {@code kafka} or {@code store}. */
  String name();

  /** How many records will be examined, when known up front. */
  Optional<Long> total();

  /** Streams the records to {@code sink}, in the same order every time for the same range. */
  void read(Sink sink) throws Exception;

  /** Receives records; a new run starts when {@code origin} changes (another partition). */
  interface Sink {
    void accept(ReplayRecord record) throws Exception;
  }

  /**
   * One record of the range.
   *
   * @param run names the run of records the object keys derive from ({@code p3} for partition 3, {@code s} for the store)
   * @param position the record's position within its run (the Kafka offset, or the row's index)
   * @param event the event, already known to be the job's account and inside the range; null when
   *     the record only counts for progress
   */
  record ReplayRecord(String run, long position, long timeMillis, AuditEvent event) {}
}
