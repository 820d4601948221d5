package io.auditline.bench.ingest;

import io.auditline.proto.v1.IngestRequest;
import io.auditline.proto.v1.IngestResponse;
import io.auditline.proto.v1.IngestServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A load generator over one channel per producer, in one of two {@link Pace}s: closed loop (every
 * producer keeps {@code outstanding} Ingest RPCs in flight and sends the next one as soon as one is
 * acknowledged: how fast can the server go?) or open loop (RPCs leave at a fixed rate whatever the
 * server does: what does a given load cost, and how long do callers wait?). Any failed RPC or rejected
 * event fails the run.
 */
final class LoadGenerator {

  /** How RPCs are sent. */
  sealed interface Pace {
    /** Each producer keeps {@code outstanding} RPCs in flight. */
    record Closed(int outstanding) implements Pace {}

    /**
     * RPCs leave at {@code rpcsPerSecond} in total (reached by the end of the warm-up), spread over the
     * producers, on a schedule fixed in advance; latency counts from the scheduled time, so a stalled
     * server cannot hide its stall by slowing the generator down (no coordinated omission).
     */
    record Open(double rpcsPerSecond) implements Pace {}
  }

  /** What one measurement window saw. */
  record Result(long events, long rpcs, Duration window, Histogram latencyMicros, CpuMeter cpu) {
    double eventsPerSecond() {
      return events * 1e9 / window.toNanos();
    }

    /** Cores busy on average during the window: {@code 2.0} means both cores of a 2-core machine. */
    double cores(Duration cpuTime) {
      return (double) cpuTime.toNanos() / window.toNanos();
    }

    double percentileMillis(double percentile) {
      return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }
  }

  private static final long RPC_DEADLINE_SECONDS = 30;
  /** Open loop: more RPCs than this waiting means the server cannot keep up with the rate; the run is void. */
  static final long MAX_OPEN_IN_FLIGHT = 20_000;
  /** The pacer sends what is due once per tick: a wake-up per RPC would cost more than the RPC. */
  private static final long PACER_TICK_NANOS = 1_000_000;
  /** Name of the thread that paces open-loop RPCs; counted as generator CPU. */
  static final String PACER_THREAD = BenchEnvironment.GENERATOR_THREADS + "-pacer";

  private final List<ManagedChannel> channels;
  private final EventFactory events;
  private final int batchSize;
  private final Pace pace;
  private final Recorder latency = new Recorder(3);
  private final AtomicLong ackedEvents = new AtomicLong();
  private final AtomicLong ackedRpcs = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running;

  LoadGenerator(List<ManagedChannel> channels, EventFactory events, int batchSize, Pace pace) {
    this.channels = channels;
    this.events = events;
    this.batchSize = batchSize;
    this.pace = pace;
  }

  /** Runs {@code warmup}, then measures for {@code duration}, then waits for the RPCs still in flight. */
  Result run(Duration warmup, Duration duration) throws InterruptedException {
    running = true;
    List<IngestServiceGrpc.IngestServiceStub> stubs = channels.stream().map(IngestServiceGrpc::newStub).toList();
    Thread pacer = null;
    switch (pace) {
      case Pace.Closed closed -> stubs.forEach(stub -> {
        for (int i = 0; i < closed.outstanding(); i++) {
          send(stub, System.nanoTime(), true);
        }
      });
      case Pace.Open open -> {
        pacer = Thread.ofPlatform().name(PACER_THREAD).daemon().start(() -> pace(stubs, open.rpcsPerSecond(), warmup));
      }
    }
    try {
      return measure(warmup, duration);
    } finally {
      running = false;
      if (pacer != null) {
        pacer.join();
      }
    }
  }

  private Result measure(Duration warmup, Duration duration) throws InterruptedException {
    sleepOrFail(warmup);
    latency.reset();
    long events0 = ackedEvents.get();
    long rpcs0 = ackedRpcs.get();
    CpuMeter cpu0 = CpuMeter.now();
    long start = System.nanoTime();
    sleepOrFail(duration);
    CpuMeter cpu = CpuMeter.now().since(cpu0);
    long events1 = ackedEvents.get();
    long rpcs1 = ackedRpcs.get();
    Duration window = Duration.ofNanos(System.nanoTime() - start);
    Histogram histogram = latency.getIntervalHistogram();
    running = false;
    long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(RPC_DEADLINE_SECONDS);
    while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
      Thread.sleep(10);
    }
    throwIfFailed();
    return new Result(events1 - events0, rpcs1 - rpcs0, window, histogram, cpu);
  }

  /**
   * Open loop: sends the RPCs due by the schedule, round robin over the producers. The rate ramps up
   * linearly over the warm-up ({@code ramp}) and holds from then on, so a cold JVM is not buried under
   * a backlog it never works off; the measurement window starts at the full rate.
   */
  private void pace(List<IngestServiceGrpc.IngestServiceStub> stubs, double rpcsPerSecond, Duration ramp) {
    Schedule schedule = new Schedule(rpcsPerSecond, ramp.toNanos());
    long start = System.nanoTime();
    long sent = 0;
    while (running && failure.get() == null) {
      long due = schedule.dueBy(System.nanoTime() - start);
      for (; sent <= due && running; sent++) {
        send(stubs.get((int) (sent % stubs.size())), start + schedule.timeOf(sent), false);
      }
      if (inFlight.get() > MAX_OPEN_IN_FLIGHT) {
        failure.compareAndSet(null, new IllegalStateException(
            "more than %,d RPCs waiting: the server cannot keep up with %,.0f RPCs/s; lower --rate"
                .formatted(MAX_OPEN_IN_FLIGHT, rpcsPerSecond)));
      }
      LockSupport.parkNanos(PACER_TICK_NANOS);
    }
  }

  /**
   * When open-loop RPCs are due: the rate rises linearly from 0 to {@code perSecond} over
   * {@code rampNanos}, then holds.
   */
  record Schedule(double perSecond, long rampNanos) {
    /** How many RPCs are due {@code nanos} after the start. */
    long dueBy(long nanos) {
      double seconds = nanos / 1e9;
      double ramp = rampNanos / 1e9;
      return (long) (seconds < ramp ? perSecond * seconds * seconds / (2 * ramp) : perSecond * (seconds - ramp / 2));
    }

    /** When RPC {@code n} (from 0) is due, in nanoseconds after the start. */
    long timeOf(long n) {
      double ramp = rampNanos / 1e9;
      double duringRamp = perSecond * ramp / 2;
      double seconds = n < duringRamp ? Math.sqrt(2 * ramp * n / perSecond) : n / perSecond + ramp / 2;
      return (long) (seconds * 1e9);
    }
  }

  /**
   * Sends one RPC whose latency counts from {@code scheduledAt}; {@code resend}: closed loop, its
   * completion sends the next one.
   */
  private void send(IngestServiceGrpc.IngestServiceStub stub, long scheduledAt, boolean resend) {
    if (!running || failure.get() != null) {
      return;
    }
    IngestRequest request = events.request(batchSize);
    inFlight.incrementAndGet();
    stub.withDeadlineAfter(RPC_DEADLINE_SECONDS, TimeUnit.SECONDS)
        .ingest(request, new StreamObserver<>() {
          @Override
          public void onNext(IngestResponse response) {
            if (response.getAcceptedCount() != batchSize) {
              failure.compareAndSet(null, new IllegalStateException(
                  "expected " + batchSize + " accepted events, got " + response.getAcceptedCount()
                      + " accepted, " + response.getDuplicateCount() + " duplicates, "
                      + response.getRejectedCount() + " rejected: " + response.getResultsList()));
            }
          }

          @Override
          public void onError(Throwable error) {
            failure.compareAndSet(null, error);
            inFlight.decrementAndGet();
          }

          @Override
          public void onCompleted() {
            latency.recordValue(Math.max(1, (System.nanoTime() - scheduledAt) / 1000));
            ackedEvents.addAndGet(batchSize);
            ackedRpcs.incrementAndGet();
            inFlight.decrementAndGet();
            if (resend) {
              send(stub, System.nanoTime(), true);
            }
          }
        });
  }

  private void sleepOrFail(Duration duration) throws InterruptedException {
    long until = System.nanoTime() + duration.toNanos();
    while (System.nanoTime() < until) {
      throwIfFailed();
      Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
    }
    throwIfFailed();
  }

  private void throwIfFailed() {
    Throwable error = failure.get();
    if (error != null) {
      running = false;
      throw new IllegalStateException("an Ingest RPC failed; the benchmark is void: " + error, error);
    }
  }
}
