package io.auditline.logpush.replay;

import io.auditline.proto.v1.AuditEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/** Replays from the PostgreSQL store, in {@code (occurred_at, id)} order, for ranges the log no longer holds. */
public final class StoreReplaySource implements ReplaySource {

  private static final String WHERE = " FROM audit_events WHERE account_id = ? AND occurred_at >= ? AND occurred_at < ?";

  private final DataSource dataSource;
  private final String account;
  private final Instant since;
  private final Instant before;
  private final BooleanSupplier stopping;
  private final long total;

  public StoreReplaySource(DataSource dataSource, String account, Instant since, Instant before, BooleanSupplier stopping)
      throws java.sql.SQLException {
    this.dataSource = dataSource;
    this.account = account;
    this.since = since;
    this.before = before;
    this.stopping = stopping;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*)" + WHERE)) {
      bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
  }

  @Override
  public String name() {
    return "store";
  }

  @Override
  public Optional<Long> total() {
    return Optional.of(total);
  }

  @Override
  public void read(Sink sink) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      // A cursor needs a transaction; the rows stream in pages instead of all at once.
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("SELECT occurred_at, event" + WHERE + " ORDER BY occurred_at, id")) {
        ps.setFetchSize(2000);
        bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          long index = 0;
          while (rs.next()) {
            if (stopping.getAsBoolean()) {
              throw new InterruptedException("replay stopping");
            }
            sink.accept(new ReplayRecord("s", index++, rs.getTimestamp(1).getTime(), AuditEvent.parseFrom(rs.getBytes(2))));
          }
        }
      } finally {
        c.rollback();
      }
    }
  }

  private void bind(PreparedStatement ps) throws java.sql.SQLException {
    ps.setString(1, account);
    ps.setTimestamp(2, Timestamp.from(since));
    ps.setTimestamp(3, Timestamp.from(before));
  }
}
