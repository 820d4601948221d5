package io.auditline.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CpuMeterTest {

  private static final long BUSY_NANOS = 50_000_000;

  @Test
  void generatorCpuIsTheCpuOfThreadsNamedAsTheGenerator() throws InterruptedException {
    CpuMeter before = CpuMeter.now();
    long busy = burnOnThreadNamed(BenchEnvironment.GENERATOR_THREADS + "-test", () -> {
      CpuMeter spent = CpuMeter.now().since(before);
      assertThat(spent.generator()).isGreaterThanOrEqualTo(Duration.ofNanos(BUSY_NANOS));
      assertThat(spent.server()).isEqualTo(spent.self().minus(spent.generator()));
    });
    assertThat(busy).isGreaterThanOrEqualTo(BUSY_NANOS);
  }

  @Test
  void otherThreadsCountAsServer() throws InterruptedException {
    CpuMeter before = CpuMeter.now();
    AtomicLong generator = new AtomicLong();
    long busy = burnOnThreadNamed("grpc-default-executor-test", () -> generator.set(CpuMeter.now().since(before).generator().toNanos()));
    assertThat(generator.get()).isLessThan(busy);
  }

  /**
   * Spins a thread named {@code name} until it has used {@link #BUSY_NANOS} of CPU, runs {@code check}
   * while it is still alive (a dead thread's CPU is no longer readable) and returns the CPU it used.
   */
  private static long burnOnThreadNamed(String name, Runnable check) throws InterruptedException {
    CountDownLatch burnt = new CountDownLatch(1);
    CountDownLatch checked = new CountDownLatch(1);
    AtomicLong used = new AtomicLong();
    Thread thread = Thread.ofPlatform().name(name).start(() -> {
      var threads = ManagementFactory.getThreadMXBean();
      long x = 0;
      while (threads.getCurrentThreadCpuTime() < BUSY_NANOS) {
        x += Long.numberOfTrailingZeros(x + System.nanoTime());
      }
      used.set(threads.getCurrentThreadCpuTime() + (x & 0));
      burnt.countDown();
      try {
        checked.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    burnt.await();
    try {
      check.run();
    } finally {
      checked.countDown();
      thread.join();
    }
    return used.get();
  }
}
