package io.auditline.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartitionMaintainerIT {

  private static final Instant NOW = Instant.parse("2025-06-15T10:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

  private Database database;
  private final MutableClock clock = new MutableClock(NOW);

  @BeforeEach
  void migrate() throws Exception {
    TestDatabase db = SharedPostgres.newDatabase("partition_it");
    database = new Database(DatabaseConfig.of(db.jdbcUrl(), db.user(), db.password()));
    database.start();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void createsDailyPartitionsFromDaysBehindToDaysAhead() throws Exception {
    MaintenanceReport report = maintainer(PartitionPolicy.defaults()).runOnce();

    List<String> expected = new ArrayList<>();
    for (LocalDate d = TODAY.minusDays(32); !d.isAfter(TODAY.plusDays(7)); d = d.plusDays(1)) {
      expected.add(Partitions.tableName(d));
    }
    assertThat(partitions()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(report.created()).hasSize(40).startsWith(TODAY.minusDays(32)).endsWith(TODAY.plusDays(7));
    assertThat(report.dropped()).isEmpty();
    assertThat(report.defaultRows()).isZero();
  }

  @Test
  void routesARowForTodayIntoTodaysPartition() throws Exception {
    maintainer(PartitionPolicy.defaults()).runOnce();

    UUID id = insert(NOW);

    assertThat(partitionOf(id)).isEqualTo("audit_events_20250615");
  }

  @Test
  void dropsPartitionsPastRetentionWithTheirRowsAndKeepsRecentOnes() throws Exception {
    PartitionMaintainer maintainer = maintainer(PartitionPolicy.defaults().withRetention(Period.ofDays(10)));
    maintainer.runOnce();
    assertThat(partitions()).contains("audit_events_20250605").doesNotContain("audit_events_20250604");
    UUID old = insert(NOW.minus(Duration.ofDays(8)));
    UUID recent = insert(NOW.minus(Duration.ofDays(2)));

    clock.advance(Duration.ofDays(5));
    MaintenanceReport report = maintainer.runOnce();

    assertThat(report.dropped())
        .containsExactly(
            LocalDate.of(2025, 6, 5), LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 7),
            LocalDate.of(2025, 6, 8), LocalDate.of(2025, 6, 9));
    assertThat(partitions()).doesNotContain("audit_events_20250609").contains("audit_events_20250610");
    assertThat(partitionOf(old)).isNull();
    assertThat(partitionOf(recent)).isEqualTo("audit_events_20250613");
  }

  @Test
  void changesNothingWhenRunTwice() throws Exception {
    PartitionMaintainer maintainer = maintainer(PartitionPolicy.defaults());
    maintainer.runOnce();
    List<String> before = partitions();

    MaintenanceReport second = maintainer.runOnce();

    assertThat(second.created()).isEmpty();
    assertThat(second.dropped()).isEmpty();
    assertThat(partitions()).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void movesRowsOutOfTheDefaultPartitionWhenCreatingTheirDay() throws Exception {
    UUID early = insert(NOW.minus(Duration.ofDays(3)));
    assertThat(partitionOf(early)).isEqualTo("audit_events_default");

    MaintenanceReport report = maintainer(PartitionPolicy.defaults()).runOnce();

    assertThat(report.rowsMovedFromDefault()).isEqualTo(1);
    assertThat(report.defaultRows()).isZero();
    assertThat(partitionOf(early)).isEqualTo("audit_events_20250612");
    // The attached partition carries the parent's primary key: the same event is still a no-op.
    assertThat(insertIgnoringDuplicates(early, NOW.minus(Duration.ofDays(3)))).isZero();
  }

  @Test
  void reportsRowsLeftInTheDefaultPartition() throws Exception {
    UUID ancient = insert(NOW.minus(Duration.ofDays(100)));

    MaintenanceReport report = maintainer(PartitionPolicy.defaults()).runOnce();

    assertThat(report.defaultRows()).isEqualTo(1);
    assertThat(partitionOf(ancient)).isEqualTo("audit_events_default");
  }

  @Test
  void startsWithAFirstRunAndReportsHealthy() throws Exception {
    try (PartitionMaintainer maintainer = maintainer(PartitionPolicy.defaults())) {
      maintainer.start();
      assertThat(maintainer.check().isHealthy()).isTrue();
      assertThat(partitions()).contains("audit_events_20250622");
    }
  }

  private PartitionMaintainer maintainer(PartitionPolicy policy) {
    return new PartitionMaintainer(database::dataSource, policy, clock);
  }

  private DataSource ds() {
    return database.dataSource();
  }

  private List<String> partitions() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = ds().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    + " WHERE i.inhparent = 'audit_events'::regclass AND c.relname <> 'audit_events_default'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  private String partitionOf(UUID id) throws SQLException {
    try (Connection c = ds().getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT tableoid::regclass::text FROM audit_events WHERE id = ?")) {
      ps.setObject(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private UUID insert(Instant occurredAt) throws SQLException {
    UUID id = UUID.randomUUID();
    assertThat(insertIgnoringDuplicates(id, occurredAt)).isEqualTo(1);
    return id;
  }

  private int insertIgnoringDuplicates(UUID id, Instant occurredAt) throws SQLException {
    try (Connection c = ds().getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO audit_events (account_id, occurred_at, id, actor_type, actor_id,"
                    + " action_type, action_result, resource_type, resource_id, producer,"
                    + " kafka_partition, kafka_offset, event)"
                    + " VALUES ('acct-1', ?, ?, 'user', 'u-1', 'zone.settings.update', 'success',"
                    + " 'zone', 'z-1', 'test', 0, 0, '\\x00') ON CONFLICT DO NOTHING")) {
      ps.setObject(1, occurredAt.atOffset(ZoneOffset.UTC));
      ps.setObject(2, id);
      return ps.executeUpdate();
    }
  }
}
