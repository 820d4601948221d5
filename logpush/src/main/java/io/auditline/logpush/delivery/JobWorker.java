package io.auditline.logpush.delivery;

import io.auditline.logpush.delivery.LeaseStore.Lease;
import io.auditline.logpush.delivery.PositionStore.Position;
import io.auditline.logpush.destination.KeyTemplate;
import io.auditline.logpush.job.Job;
import io.opentelemetry.api.trace.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job on its own thread: takes the job's lease, reads the audit topic from the job's own
 * positions, and hands the records to a {@link PartitionDelivery}. A slow or failing destination
 * therefore only ever holds up its own job. Losing the lease, or any failure outside the retried
 * uploads, closes everything and starts over from the stored positions.
 */
final class JobWorker implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

  private final Job job;
  private final JobFormat format;
  private final KeyTemplate keys;
  private final BatchUploader uploader;
  private final DeliveryConfig config;
  private final LeaseStore leases;
  private final PositionStore positions;
  private final JobHealth health;
  private final DeliveryTelemetry telemetry;
  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final Clock clock;
  private final ParallelEncoder encoder;
  private final Tracer tracer;
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile Consumer<byte[], byte[]> consumer;

  JobWorker(Job job, JobFormat format, KeyTemplate keys, BatchUploader uploader, DeliveryConfig config, LeaseStore leases,
      PositionStore positions, JobHealth health, DeliveryTelemetry telemetry, Supplier<Consumer<byte[], byte[]>> consumers,
      Clock clock, ParallelEncoder encoder, Tracer tracer) {
    this.encoder = encoder;
    this.tracer = tracer;
    this.job = job;
    this.format = format;
    this.keys = keys;
    this.uploader = uploader;
    this.config = config;
    this.leases = leases;
    this.positions = positions;
    this.health = health;
    this.telemetry = telemetry;
    this.consumers = consumers;
    this.clock = clock;
  }

  Job job() {
    return job;
  }

  /** Asks the worker to stop; an upload in flight finishes, a retry wait ends at once. */
  void stop() {
    stop.countDown();
    Consumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  boolean stopping() {
    return stop.getCount() == 0;
  }

  /** Waits up to {@code d}; false when stopping. */
  boolean pause(Duration d) throws InterruptedException {
    return !stop.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
  }

  @Override
  public void run() {
    telemetry.started(job.id(), job.limits().maxAge());
    int failures = 0;
    while (!stopping()) {
      Optional<Lease> lease;
      try {
        lease = leases.acquire(job.id(), config.owner(), config.leaseTtl());
      } catch (RuntimeException e) {
        log.atWarn().setMessage("logpush lease unavailable").addKeyValue("job_id", job.id()).setCause(e).log();
        lease = Optional.empty();
      }
      try {
        if (lease.isEmpty()) {
          // Another instance runs the job (or the database is away): look again in a while.
          if (!pause(config.leaseTtl().dividedBy(2))) {
            return;
          }
          continue;
        }
        log.atInfo().setMessage("logpush job started").addKeyValue("job_id", job.id())
            .addKeyValue("destination", job.destinationRedacted()).addKeyValue("epoch", lease.get().epoch()).log();
        deliver(lease.get());
        failures = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (BatchUploader.StoppingException | WakeupException e) {
        // stop() was called.
      } catch (LostLeaseException e) {
        log.atWarn().setMessage("logpush lease lost; restarting from stored positions").addKeyValue("job_id", job.id()).log();
      } catch (RuntimeException e) {
        failures++;
        log.atError().setMessage("logpush job failed; restarting from stored positions").addKeyValue("job_id", job.id())
            .addKeyValue("failures", failures).setCause(e).log();
        try {
          health.failed(job.id(), clock.instant(), "internal: " + e.getClass().getSimpleName());
          if (!pause(Duration.ofMillis(Math.min(30_000, 500L << Math.min(failures, 6))))) {
            return;
          }
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException ignored) {
          // The database is away too; the pause below the next acquire covers it.
        }
      } finally {
        lease.ifPresent(this::release);
      }
    }
    telemetry.stopped(job.id());
  }

  private void deliver(Lease lease) throws InterruptedException {
    try (Consumer<byte[], byte[]> c = consumers.get()) {
      consumer = c;
      if (stopping()) {
        return;
      }
      Map<Integer, Position> start = PartitionSetup.assign(c, config.topic(), job, lease, positions, this::pause);
      if (start.isEmpty()) {
        return;
      }
      PartitionDelivery delivery =
          new PartitionDelivery(job, format, keys, uploader, config, lease, leases, positions, telemetry, c, start, this,
              encoder, tracer);
      delivery.run();
    } finally {
      consumer = null;
    }
  }

  private void release(Lease lease) {
    try {
      leases.release(lease);
    } catch (RuntimeException e) {
      log.atWarn().setMessage("releasing a logpush lease failed; it expires on its own").addKeyValue("job_id", job.id()).log();
    }
  }

  /** The lease moved to another instance: stop writing at once. */
  static final class LostLeaseException extends RuntimeException {
    LostLeaseException() {
      super("lease lost", null, false, false);
    }
  }

}
