package io.auditline.bench.store;

import io.auditline.store.db.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code auditline bench store}: first-page query latency through the HTTP API against the same SQL
 * through JDBC, and indexer throughput against a plain COPY of the same rows, each in the same run on
 * the same embedded PostgreSQL.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = "Query API latency vs JDBC, and indexer throughput vs plain COPY, on embedded PostgreSQL.")
public final class StoreBench implements Callable<Integer> {

  /** Which figures to measure. */
  enum Mode { query, indexer, both }

  @Option(names = "--events", defaultValue = "10000000", description = "Events loaded for the query figure (default: ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--accounts", defaultValue = "1000", description = "Accounts the events are spread over (default: ${DEFAULT-VALUE})")
  int accounts;

  @Option(names = "--loaders", defaultValue = "2", description = "Parallel COPY connections of the bulk load (default: ${DEFAULT-VALUE})")
  int loaders;

  @Option(names = "--queries", defaultValue = "5000", description = "Measured queries, each through API, JDBC and repository (default: ${DEFAULT-VALUE})")
  int queries;

  @Option(names = "--warmup-queries", defaultValue = "1000", description = "Unmeasured queries first (default: ${DEFAULT-VALUE})")
  int warmupQueries;

  @Option(names = "--index-events", defaultValue = "1000000", description = "Events the indexer indexes per run (default: ${DEFAULT-VALUE})")
  int indexEvents;

  @Option(names = "--runs", defaultValue = "1", description = "Indexer runs, each on fresh databases and topic; medians are reported (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--mode", defaultValue = "both", description = "query, indexer or both (default: ${DEFAULT-VALUE})")
  Mode mode;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed of the data and the queries (default: ${DEFAULT-VALUE})")
  long seed;

  @Override
  public Integer call() throws Exception {
    require(events >= 1_000, "events: %s (expected: >= 1000)", events);
    require(accounts >= 1, "accounts: %s (expected: >= 1)", accounts);
    require(loaders >= 1, "loaders: %s (expected: >= 1)", loaders);
    require(queries >= 1 && warmupQueries >= 0, "queries: %s (expected: >= 1, warm-up >= 0)", queries);
    require(indexEvents >= 1, "index-events: %s (expected: >= 1)", indexEvents);
    require(runs >= 1, "runs: %s (expected: >= 1)", runs);
    Params params = new Params(events, accounts, loaders, warmupQueries);
    StoreReport report = new StoreReport();
    try (StoreEnvironment env = StoreEnvironment.start()) {
      System.err.printf("bench: store data in %s%n", env.dataDir());
      if (mode != Mode.query) {
        // First, while the server holds nothing else: fresh databases and topics per run.
        List<IndexerThroughputBench.Result> results = new ArrayList<>();
        IndexerThroughputBench bench = new IndexerThroughputBench(env, accounts);
        for (int run = 1; run <= runs; run++) {
          results.add(bench.run(run, indexEvents, seed + run));
        }
        report.indexer(results);
      }
      if (mode != Mode.indexer) {
        Database database = env.database("query_bench", 2 * loaders + 2);
        System.err.printf("bench: loading %,d events of %,d accounts with %d COPY connections%n", events, accounts, loaders);
        BulkLoader.Result load = new BulkLoader(database.dataSource(), loaders).load(events, accounts, Instant.now(), seed);
        System.err.printf("bench: loaded in %.0f s (%,.0f events/s), VACUUM (ANALYZE) %.0f s%n",
            load.elapsed().toMillis() / 1000.0, load.eventsPerSecond(), load.analyze().toMillis() / 1000.0);
        QueryLatencyBench.Result result = new QueryLatencyBench(database.dataSource(), accounts, seed).run(warmupQueries, queries);
        System.err.printf("bench: EXPLAIN (ANALYZE, BUFFERS) of one query (prefix zone.):%n%s", result.plan());
        report.query(params, load, result);
      }
    }
    report.printSummary();
    return 0;
  }

  private static void require(boolean condition, String format, Object value) {
    if (!condition) {
      throw new IllegalArgumentException(format.formatted(value));
    }
  }

  /** The parameters the query figure reports. */
  record Params(long events, int accounts, int loaders, int warmupQueries) {}
}
