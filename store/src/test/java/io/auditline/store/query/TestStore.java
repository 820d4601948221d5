package io.auditline.store.query;

import com.google.protobuf.Timestamp;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.auditline.proto.v1.Action;
import io.auditline.proto.v1.ActionResult;
import io.auditline.proto.v1.Actor;
import io.auditline.proto.v1.ActorType;
import io.auditline.proto.v1.AuditEvent;
import io.auditline.proto.v1.RequestContext;
import io.auditline.proto.v1.Resource;
import io.auditline.testkit.postgres.SharedPostgres;
import io.auditline.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/** A migrated database of its own per test class, and audit events written the way the indexer writes them. */
public final class TestStore {

  private static final AtomicLong OFFSET = new AtomicLong();

  private TestStore() {}

  /** A pooled data source on a fresh, migrated database; close it after the tests. */
  public static HikariDataSource migratedDatabase(String prefix) {
    TestDatabase db = SharedPostgres.newDatabase(prefix);
    Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
        .locations("classpath:db/migration").load().migrate();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(db.jdbcUrl());
    config.setUsername(db.user());
    config.setPassword(db.password());
    config.setMaximumPoolSize(6);
    return new HikariDataSource(config);
  }

  /** A valid event of {@code account} at {@code at}; tests change what they filter on. */
  public static AuditEvent.Builder event(String account, Instant at) {
    return AuditEvent.newBuilder()
        .setId(UUID.randomUUID().toString())
        .setAccountId(account)
        .setActor(Actor.newBuilder().setType(ActorType.ACTOR_TYPE_USER).setId("user-42")
            .setEmail("alice@example.com").setIp("203.0.113.7").setUserAgent("curl/8.5"))
        .setAction(Action.newBuilder().setType("zone.settings.update").setDescription("enabled always-use-https")
            .setResult(ActionResult.ACTION_RESULT_SUCCESS).setOccurredAt(timestamp(at)))
        .setResource(Resource.newBuilder().setType("zone.setting").setId("always_use_https").setProduct("ssl")
            .setScope("zones/z1"))
        .setRequest(RequestContext.newBuilder().setRequestId("req-1").setMethod("PATCH")
            .setUri("/client/v4/zones/z1/settings/always_use_https").setStatusCode(200))
        .setZoneId("z1")
        .putMetadata("ticket", "CHG-1234")
        .setSchemaVersion(1);
  }

  public static Timestamp timestamp(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  public static Instant occurredAt(AuditEvent e) {
    return Instant.ofEpochSecond(e.getAction().getOccurredAt().getSeconds(), e.getAction().getOccurredAt().getNanos());
  }

  /** Inserts rows with the V1 columns, as the indexer does. */
  public static void insert(javax.sql.DataSource ds, List<AuditEvent> events) {
    String sql = "INSERT INTO audit_events (account_id, occurred_at, id, actor_type, actor_id, actor_email,"
        + " actor_ip, action_type, action_result, resource_type, resource_id, zone_id, producer,"
        + " kafka_partition, kafka_offset, event) VALUES (?, ?, ?, ?, ?, ?, ?::inet, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (AuditEvent e : events) {
        ps.setString(1, e.getAccountId());
        ps.setObject(2, occurredAt(e).atOffset(ZoneOffset.UTC));
        ps.setObject(3, UUID.fromString(e.getId()));
        ps.setString(4, EventJson.enumWord(e.getActor().getType(), "ACTOR_TYPE_"));
        ps.setString(5, e.getActor().getId());
        ps.setString(6, blankToNull(e.getActor().getEmail()));
        ps.setString(7, blankToNull(e.getActor().getIp()));
        ps.setString(8, e.getAction().getType());
        ps.setString(9, EventJson.enumWord(e.getAction().getResult(), "ACTION_RESULT_"));
        ps.setString(10, e.getResource().getType());
        ps.setString(11, e.getResource().getId());
        ps.setString(12, blankToNull(e.getZoneId()));
        ps.setString(13, "test-producer");
        ps.setInt(14, 0);
        ps.setLong(15, OFFSET.incrementAndGet());
        ps.setBytes(16, e.toByteArray());
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert test events", e);
    }
  }

  private static String blankToNull(String s) {
    return s.isEmpty() ? null : s;
  }
}
