package io.auditline.bench.store;

import io.auditline.embedded.kafka.EmbeddedKafka;
import io.auditline.embedded.kafka.EmbeddedKafkaConfig;
import io.auditline.embedded.postgres.EmbeddedPostgresConfig;
import io.auditline.embedded.postgres.EmbeddedPostgresServer;
import io.auditline.store.db.Database;
import io.auditline.store.db.DatabaseConfig;
import io.auditline.store.db.PartitionMaintainer;
import io.auditline.store.db.PartitionPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throw-away store under test: the real embedded PostgreSQL 17 with its default settings (and,
 * when asked, a real broker) in a temp dir that {@link #close()} deletes. Each benchmark gets its
 * own database, migrated by the real {@link Database} and partitioned by the real maintainer.
 */
final class StoreEnvironment implements AutoCloseable {

  private final Path dataDir;
  private final EmbeddedPostgresServer postgres;
  private final List<Database> databases = new ArrayList<>();
  private EmbeddedKafka broker;

  private StoreEnvironment(Path dataDir, EmbeddedPostgresServer postgres) {
    this.dataDir = dataDir;
    this.postgres = postgres;
  }

  static StoreEnvironment start() throws Exception {
    Path dataDir = Files.createTempDirectory("auditline-bench-store-");
    EmbeddedPostgresServer postgres = new EmbeddedPostgresServer(EmbeddedPostgresConfig.defaults(dataDir.resolve("postgres")));
    StoreEnvironment env = new StoreEnvironment(dataDir, postgres);
    try {
      postgres.start();
      return env;
    } catch (Exception e) {
      env.close();
      throw e;
    }
  }

  Path dataDir() {
    return dataDir;
  }

  /** A new, migrated database named {@code name} with today's partitions, and its pool. */
  Database database(String name, int maxPoolSize) throws Exception {
    String url = postgres.createDatabase(name);
    Database database =
        new Database(DatabaseConfig.of(url, postgres.user(), postgres.password()).withMaxPoolSize(maxPoolSize));
    databases.add(database);
    database.start();
    new PartitionMaintainer(database::dataSource, PartitionPolicy.defaults(), Clock.systemUTC()).runOnce();
    return database;
  }

  /** The broker, started on first use. */
  synchronized String bootstrapServers() throws Exception {
    if (broker == null) {
      broker = new EmbeddedKafka(EmbeddedKafkaConfig.defaults(dataDir.resolve("kafka")));
      broker.start();
    }
    return broker.bootstrapServers();
  }

  @Override
  public void close() throws Exception {
    try {
      for (Database database : databases.reversed()) {
        database.close();
      }
      if (broker != null) {
        broker.close();
      }
      postgres.close();
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
