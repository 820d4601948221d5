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
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A closed-loop load generator: every producer keeps {@code outstanding} Ingest RPCs in flight on its
 * own channel and sends the next one as soon as one is acknowledged. Any failed RPC or rejected event
 * fails the run.
 */
final class LoadGenerator {

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

  private final List<ManagedChannel> channels;
  private final EventFactory events;
  private final int batchSize;
  private final int outstanding;
  private final Recorder latency = new Recorder(3);
  private final AtomicLong ackedEvents = new AtomicLong();
  private final AtomicLong ackedRpcs = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running;

  LoadGenerator(List<ManagedChannel> channels, EventFactory events, int batchSize, int outstanding) {
    this.channels = channels;
    this.events = events;
    this.batchSize = batchSize;
    this.outstanding = outstanding;
  }

  /** Runs {@code warmup}, then measures for {@code duration}, then waits for the RPCs still in flight. */
  Result run(Duration warmup, Duration duration) throws InterruptedException {
    running = true;
    for (ManagedChannel channel : channels) {
      IngestServiceGrpc.IngestServiceStub stub = IngestServiceGrpc.newStub(channel);
      for (int i = 0; i < outstanding; i++) {
        send(stub);
      }
    }
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

  private void send(IngestServiceGrpc.IngestServiceStub stub) {
    if (!running || failure.get() != null) {
      return;
    }
    IngestRequest request = events.request(batchSize);
    inFlight.incrementAndGet();
    long sentAt = System.nanoTime();
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
            latency.recordValue(Math.max(1, (System.nanoTime() - sentAt) / 1000));
            ackedEvents.addAndGet(batchSize);
            ackedRpcs.incrementAndGet();
            inFlight.decrementAndGet();
            send(stub);
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
