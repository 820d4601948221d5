package io.auditline.store.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SQL of partition maintenance, on one connection that the caller owns. */
final class Partitions {

  static final String PARENT = "audit_events";
  static final String DEFAULT_PARTITION = "audit_events_default";
  static final long DEFAULT_ROWS_COUNT_LIMIT = 100_000;

  private static final Pattern DAILY = Pattern.compile(PARENT + "_(\\d{8})");
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
  // Waiting longer for a lock would stall the writers queued behind this DDL.
  private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '10s'";
  private static final String PARTITION_CONSTRAINT_VIOLATED = "23514";

  private final Connection connection;

  Partitions(Connection connection) {
    this.connection = connection;
  }

  static String tableName(LocalDate day) {
    return PARENT + "_" + SUFFIX.format(day);
  }

  /** The days of the daily partitions attached to {@code audit_events}, in order. */
  List<LocalDate> dailyPartitions() throws SQLException {
    List<LocalDate> days = new ArrayList<>();
    String sql =
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
            + " WHERE i.inhparent = '" + PARENT + "'::regclass";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        Matcher m = DAILY.matcher(rs.getString(1));
        if (m.matches()) {
          days.add(LocalDate.parse(m.group(1), SUFFIX));
        }
      }
    }
    days.sort(null);
    return days;
  }

  /**
   * Creates the partition of {@code day}; returns how many rows it took over from the default
   * partition.
   *
   * <p>PostgreSQL refuses to create a partition whose range already has rows in the default
   * partition. Then, in one transaction that holds the parent exclusively (so no new row slips
   * into the default partition meanwhile), the rows are moved into a new standalone table that is
   * then attached as the partition.
   */
  long create(LocalDate day) throws SQLException {
    try {
      inTransaction(
          s -> s.execute("CREATE TABLE " + tableName(day) + " PARTITION OF " + PARENT + bounds(day)));
      return 0;
    } catch (SQLException e) {
      if (!PARTITION_CONSTRAINT_VIOLATED.equals(e.getSQLState())) {
        throw e;
      }
    }
    long[] moved = new long[1];
    inTransaction(
        s -> {
          String table = tableName(day);
          // Parent first, like every writer, so this cannot deadlock with inserts.
          s.execute("LOCK TABLE " + PARENT + " IN ACCESS EXCLUSIVE MODE");
          s.execute(
              "CREATE TABLE " + table + " (LIKE " + PARENT
                  + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
          // The default partition has the parent's column order, and so has LIKE.
          try (PreparedStatement move =
              connection.prepareStatement(
                  "WITH moved AS (DELETE FROM " + DEFAULT_PARTITION
                      + " WHERE occurred_at >= ? AND occurred_at < ? RETURNING *)"
                      + " INSERT INTO " + table + " SELECT * FROM moved")) {
            move.setObject(1, start(day));
            move.setObject(2, start(day.plusDays(1)));
            moved[0] = move.executeUpdate();
          }
          // Attaching builds the partition's copies of the parent's indexes and primary key.
          s.execute("ALTER TABLE " + PARENT + " ATTACH PARTITION " + table + bounds(day));
        });
    return moved[0];
  }

  /** Drops the partition of {@code day} with its rows. */
  void drop(LocalDate day) throws SQLException {
    inTransaction(s -> s.execute("DROP TABLE IF EXISTS " + tableName(day)));
  }

  /** Deletes rows older than {@code cutoff} from the default partition; returns how many. */
  long deleteDefaultRowsBefore(Instant cutoff) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "DELETE FROM " + DEFAULT_PARTITION + " WHERE occurred_at < ?")) {
      ps.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
      return ps.executeUpdate();
    }
  }

  /** Rows in the default partition (up to the limit), and the oldest and newest of them. */
  DefaultRows defaultRows() throws SQLException {
    String sql =
        "SELECT count(*), min(occurred_at), max(occurred_at) FROM (SELECT occurred_at FROM "
            + DEFAULT_PARTITION + " LIMIT " + DEFAULT_ROWS_COUNT_LIMIT + ") s";
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return new DefaultRows(
          rs.getLong(1),
          rs.getObject(2, OffsetDateTime.class),
          rs.getObject(3, OffsetDateTime.class));
    }
  }

  record DefaultRows(long count, OffsetDateTime oldest, OffsetDateTime newest) {}

  private static OffsetDateTime start(LocalDate day) {
    return day.atStartOfDay().atOffset(ZoneOffset.UTC);
  }

  // Literal bounds with an explicit UTC offset, independent of the session's TimeZone.
  private static String bounds(LocalDate day) {
    return " FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')";
  }

  private void inTransaction(SqlWork work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute(LOCK_TIMEOUT);
      work.run(s);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  @FunctionalInterface
  private interface SqlWork {
    void run(Statement statement) throws SQLException;
  }
}
