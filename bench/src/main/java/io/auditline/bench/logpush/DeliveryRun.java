package io.auditline.bench.logpush;

import io.auditline.logpush.LogpushRole;
import io.auditline.platform.lifecycle.Component;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The system under test: the real {@link LogpushRole} (delivery engine and replay runner, as the
 * app's {@code logpush} role runs them) draining the pre-loaded backlog into S3Proxy. The clock runs
 * from starting the role until the job's {@code auditline_logpush_records} counter, which moves
 * after each successful upload, reaches the backlog; the objects are then read back and must hold
 * exactly the events that were written.
 */
final class DeliveryRun {

  /**
   * @param firstObject from start until the first object was delivered (worker start, lease, seek,
   *     and the first batch)
   * @param objects objects in the bucket after the drain
   * @param gzipBytes their total size
   * @param cores cores busy during the drain, by process
   */
  record Result(long events, Duration elapsed, Duration firstObject, int objects, long gzipBytes,
      Map<String, Double> cores) {
    double eventsPerSecond() {
      return events * 1e9 / elapsed.toNanos();
    }
  }

  private static final Duration POLL = Duration.ofMillis(20);

  private final LogpushRole role;
  private final MeterRegistry registry;
  private final UUID jobId;

  DeliveryRun(LogpushRole role, MeterRegistry registry, UUID jobId) {
    this.role = role;
    this.registry = registry;
    this.jobId = jobId;
  }

  /** Starts the role and waits until {@code expected} events were delivered; throws after {@code timeout}. */
  Result drain(long expected, Duration timeout) throws Exception {
    ProcessCpu cpuBefore = ProcessCpu.now();
    long start = System.nanoTime();
    for (Component component : role.components()) {
      component.start();
    }
    long firstObject = -1;
    long delivered;
    while ((delivered = delivered()) < expected) {
      if (firstObject < 0 && delivered > 0) {
        firstObject = System.nanoTime();
      }
      if (System.nanoTime() - start > timeout.toNanos()) {
        throw new IllegalStateException("Logpush delivered %,d of %,d events within %s; health: %s"
            .formatted(delivered, expected, timeout, role.engine().check()));
      }
      Thread.sleep(POLL.toMillis());
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    Map<String, Double> cores = ProcessCpu.now().coresSince(cpuBefore, elapsed);
    if (delivered != expected) {
      throw new IllegalStateException("Logpush delivered %,d events, more than the %,d written".formatted(delivered, expected));
    }
    if (firstObject < 0) {
      firstObject = System.nanoTime();
    }
    return new Result(delivered, elapsed, Duration.ofNanos(firstObject - start), 0, 0, cores);
  }

  /** Reads every object back: their ids must be exactly {@code written}. Returns the result with the objects counted. */
  static Result verify(Result drained, BucketReader bucket, IdSum written) throws IOException {
    IdSum read = new IdSum();
    int objects = 0;
    long bytes = 0;
    for (S3Object object : bucket.list()) {
      objects++;
      bytes += object.size();
      bucket.ids(object.key(), read::add);
    }
    if (!read.sameAs(written)) {
      throw new IllegalStateException("the objects hold %,d events, not exactly the %,d written (ids differ)"
          .formatted(read.count(), written.count()));
    }
    return new Result(drained.events(), drained.elapsed(), drained.firstObject(), objects, bytes, drained.cores());
  }

  private long delivered() {
    Counter counter = registry.find("auditline_logpush_records").tag("job_id", jobId.toString()).counter();
    return counter == null ? 0 : (long) counter.count();
  }
}
