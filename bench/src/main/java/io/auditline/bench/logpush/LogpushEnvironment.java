package io.auditline.bench.logpush;

import io.auditline.embedded.kafka.EmbeddedKafka;
import io.auditline.embedded.kafka.EmbeddedKafkaConfig;
import io.auditline.embedded.postgres.EmbeddedPostgresConfig;
import io.auditline.embedded.postgres.EmbeddedPostgresServer;
import io.auditline.store.db.Database;
import io.auditline.store.db.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A throw-away Logpush world in a temp dir that {@link #close()} deletes: a real broker (child JVM)
 * with the audit topic, the real embedded PostgreSQL migrated by the real {@link Database} (which
 * runs Logpush's migration too), and S3Proxy with one bucket.
 */
final class LogpushEnvironment implements AutoCloseable {

  static final String TOPIC = "bench.logpush";
  /** The same backlog with trace context in every record's headers, as ingest with tracing on writes it. */
  static final String TRACED_TOPIC = "bench.logpush.traced";
  static final String BUCKET = "auditline-bench";
  static final String KEY_PREFIX = "bench/{DATE}";
  /** The account of every event; as long as the ingest EventFactory's own ids, so events keep its size. */
  static final String ACCOUNT = "acct-lp";

  private final Path dataDir;
  private EmbeddedKafka broker;
  private EmbeddedPostgresServer postgres;
  private Database database;
  private S3ProxyServer s3;

  private LogpushEnvironment(Path dataDir) {
    this.dataDir = dataDir;
  }

  static LogpushEnvironment start(int partitions) throws Exception {
    LogpushEnvironment env = new LogpushEnvironment(Files.createTempDirectory("auditline-bench-logpush-"));
    try {
      env.broker = new EmbeddedKafka(EmbeddedKafkaConfig.defaults(env.dataDir.resolve("kafka")));
      env.broker.start();
      env.postgres = new EmbeddedPostgresServer(EmbeddedPostgresConfig.defaults(env.dataDir.resolve("postgres")));
      env.postgres.start();
      String url = env.postgres.createDatabase("logpush_bench");
      env.database = new Database(DatabaseConfig.of(url, env.postgres.user(), env.postgres.password()).withMaxPoolSize(8));
      env.database.start();
      env.s3 = S3ProxyServer.start(Files.createDirectories(env.dataDir.resolve("s3proxy")));
      env.s3.client().createBucket(b -> b.bucket(BUCKET));
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", env.broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1), new NewTopic(TRACED_TOPIC, partitions, (short) 1)))
            .all().get();
      }
      return env;
    } catch (Exception e) {
      env.close();
      throw e;
    }
  }

  Path dataDir() {
    return dataDir;
  }

  String bootstrapServers() {
    return broker.bootstrapServers();
  }

  Database database() {
    return database;
  }

  S3ProxyServer s3() {
    return s3;
  }

  /**
   * Inserts an enabled, ownership-verified job of {@link #ACCOUNT} to the bucket, with default output
   * options (NDJSON, every field, gzip level 1), as the jobs API would store it.
   */
  UUID insertJob(Duration maxAge, int maxRecords, long maxBytes, Instant startAt) throws Exception {
    return insertJob(maxAge, maxRecords, maxBytes, startAt, KEY_PREFIX);
  }

  /** The same job writing under {@code keyPrefix}, named after it (names are unique per account). */
  UUID insertJob(Duration maxAge, int maxRecords, long maxBytes, Instant startAt, String keyPrefix) throws Exception {
    UUID id = UUID.randomUUID();
    String destination = s3.destination(BUCKET, keyPrefix);
    String sql = "INSERT INTO logpush_jobs (id, account_id, name, dataset, destination, destination_redacted, output_options,"
        + " filter, max_age_ms, max_records, max_bytes, enabled, ownership_verified_at, start_at)"
        + " VALUES (?,?,?,'audit_logs',?,?,'{}'::jsonb,NULL,?,?,?,true,now(),?)";
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, id);
      ps.setString(2, ACCOUNT);
      ps.setString(3, keyPrefix.equals(KEY_PREFIX) ? "bench" : "bench " + keyPrefix);
      ps.setString(4, destination);
      ps.setString(5, destination.replaceAll("secret_access_key=[^&]*", "secret_access_key=REDACTED"));
      ps.setLong(6, maxAge.toMillis());
      ps.setInt(7, maxRecords);
      ps.setLong(8, maxBytes);
      ps.setTimestamp(9, Timestamp.from(startAt));
      ps.executeUpdate();
    }
    return id;
  }

  /** Disables the job, so a later delivery engine leaves it alone. */
  void disableJob(UUID job) throws Exception {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE logpush_jobs SET enabled = false, revision = revision + 1, updated_at = now() WHERE id = ?")) {
      ps.setObject(1, job);
      ps.executeUpdate();
    }
  }

  /** Changes the job's max_age as the jobs API would: a new revision, so the engine restarts its worker. */
  void setMaxAge(UUID job, Duration maxAge) throws Exception {
    try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE logpush_jobs SET max_age_ms = ?, revision = revision + 1, updated_at = now() WHERE id = ?")) {
      ps.setLong(1, maxAge.toMillis());
      ps.setObject(2, job);
      ps.executeUpdate();
    }
  }

  /** The epoch of the job's lease (bumped by every worker that takes it); 0 before the first. */
  long leaseEpoch(UUID job) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT epoch FROM logpush_leases WHERE job_id = ?")) {
      ps.setObject(1, job);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      if (s3 != null) {
        s3.close();
      }
      if (database != null) {
        database.close();
      }
      if (postgres != null) {
        postgres.close();
      }
      if (broker != null) {
        broker.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
