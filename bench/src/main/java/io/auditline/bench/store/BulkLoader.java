package io.auditline.bench.store;

import io.auditline.store.index.IndexRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Fills {@code audit_events} for the query benchmark: {@code events} events of {@code accounts}
 * accounts (uniformly), {@code occurred_at} spread evenly over the 30 days before {@code now}, written
 * in time order by parallel COPYs of {@value #CHUNK_ROWS} rows, so the loaders work on one or two
 * daily partitions at a time; then {@code VACUUM (ANALYZE)}. Setup, not a figure: only its rate is reported.
 */
final class BulkLoader {

  static final int CHUNK_ROWS = 50_000;
  static final Duration SPREAD = Duration.ofDays(30);
  private static final long PROGRESS_EVERY = 1_000_000;

  private final DataSource dataSource;
  private final int loaders;

  BulkLoader(DataSource dataSource, int loaders) {
    this.dataSource = dataSource;
    this.loaders = loaders;
  }

  /** What the load did and how long it took. */
  record Result(long events, Duration elapsed, Duration analyze) {
    double eventsPerSecond() {
      return events * 1e9 / elapsed.toNanos();
    }
  }

  Result load(long events, int accounts, Instant now, long seed) throws Exception {
    long chunks = (events + CHUNK_ROWS - 1) / CHUNK_ROWS;
    AtomicLong nextChunk = new AtomicLong();
    AtomicLong written = new AtomicLong();
    long spreadNanos = SPREAD.toNanos();
    Instant start = now.minus(SPREAD);
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(loaders)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < loaders; w++) {
        workers.add(pool.submit(() -> {
          try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
              // Setup data: losing it on a crash costs nothing, so skip the wait for the WAL flush.
              s.execute("SET synchronous_commit = off");
            }
            for (long chunk = nextChunk.getAndIncrement(); chunk < chunks; chunk = nextChunk.getAndIncrement()) {
              SplittableRandom random = new SplittableRandom(seed * 1_000_003 + chunk);
              long first = chunk * CHUNK_ROWS;
              long last = Math.min(events, first + CHUNK_ROWS);
              List<IndexRow> rows = new ArrayList<>((int) (last - first));
              for (long i = first; i < last; i++) {
                // Evenly spaced in time, jittered within the slot, so every day holds 1/30 of the rows.
                long slot = spreadNanos / events;
                long at = i * slot + random.nextLong(Math.max(1, slot));
                String account = SyntheticEvents.account(random.nextInt(accounts));
                rows.add(CopyRows.row(
                    SyntheticEvents.event(random, account, start.plusNanos(at)), "bench-loader", 0, i));
              }
              CopyRows.copy(c, rows);
              c.commit();
              long total = written.addAndGet(rows.size());
              if (total / PROGRESS_EVERY != (total - rows.size()) / PROGRESS_EVERY) {
                double secs = (System.nanoTime() - t0) / 1e9;
                System.err.printf("bench: loaded %,d of %,d events (%,.0f events/s)%n", total, events, total / secs);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
    long a0 = System.nanoTime();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      // VACUUM as well: it is what autovacuum does to a freshly filled insert-only table anyway, and
      // doing it now keeps autovacuum from scanning 10M rows while the latencies are measured.
      s.execute("VACUUM (ANALYZE) audit_events");
    } catch (SQLException e) {
      throw new SQLException("VACUUM (ANALYZE) audit_events failed: " + e.getMessage(), e);
    }
    return new Result(events, elapsed, Duration.ofNanos(System.nanoTime() - a0));
  }
}
