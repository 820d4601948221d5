package io.auditline.detect.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Alert policies in PostgreSQL ({@code alert_policies}), always scoped to one account. */
public final class PolicyRepository {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS = "id, account_id, spec::text, created_at, updated_at, filters_since";

  private final DataSource dataSource;
  private final Clock clock;

  public PolicyRepository(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  public PolicyRepository(DataSource dataSource, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public PolicyWrite create(String account, PolicySpec spec) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AlertPolicy policy = new AlertPolicy(UUID.randomUUID(), account, spec, now, now, now);
    String sql = "INSERT INTO alert_policies (id, account_id, name, spec, created_at, updated_at, filters_since)"
        + " VALUES (?,?,?,?::jsonb,?,?,?)";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, policy.id());
      ps.setString(2, account);
      ps.setString(3, spec.name());
      ps.setString(4, PolicyJson.spec(spec, false).toString());
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setTimestamp(6, Timestamp.from(now));
      ps.setTimestamp(7, Timestamp.from(now));
      ps.executeUpdate();
      return new PolicyWrite.Saved(policy);
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return new PolicyWrite.NameTaken(spec.name());
      }
      throw new PolicyStoreException("cannot create an alert policy", e);
    }
  }

  public PolicyWrite update(String account, UUID id, PolicySpec spec) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    // On the right of SET, spec is the old value: the filtered series restarts only when the filters change.
    String sql = "UPDATE alert_policies SET name = ?, spec = ?::jsonb, updated_at = ?,"
        + " filters_since = CASE WHEN spec -> 'filters' IS DISTINCT FROM ?::jsonb -> 'filters' THEN ? ELSE filters_since END"
        + " WHERE account_id = ? AND id = ? RETURNING " + COLUMNS;
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      String json = PolicyJson.spec(spec, false).toString();
      ps.setString(1, spec.name());
      ps.setString(2, json);
      ps.setTimestamp(3, Timestamp.from(now));
      ps.setString(4, json);
      ps.setTimestamp(5, Timestamp.from(now));
      ps.setString(6, account);
      ps.setObject(7, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new PolicyWrite.Saved(policy(rs)) : new PolicyWrite.NotFound();
      }
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return new PolicyWrite.NameTaken(spec.name());
      }
      throw new PolicyStoreException("cannot update an alert policy", e);
    }
  }

  public Optional<AlertPolicy> get(String account, UUID id) {
    List<AlertPolicy> found = query("SELECT " + COLUMNS + " FROM alert_policies WHERE account_id = ? AND id = ?", account, id);
    return found.stream().findFirst();
  }

  /** The account's policies, oldest first. */
  public List<AlertPolicy> list(String account) {
    return query("SELECT " + COLUMNS + " FROM alert_policies WHERE account_id = ? ORDER BY created_at, id", account);
  }

  /** Every account's enabled policies, for the rollups and the scheduler. */
  public List<AlertPolicy> listEnabled() {
    return query("SELECT " + COLUMNS + " FROM alert_policies WHERE (spec ->> 'enabled')::boolean ORDER BY created_at, id");
  }

  public boolean delete(String account, UUID id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("DELETE FROM alert_policies WHERE account_id = ? AND id = ?")) {
      ps.setString(1, account);
      ps.setObject(2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new PolicyStoreException("cannot delete an alert policy", e);
    }
  }

  private List<AlertPolicy> query(String sql, Object... args) {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<AlertPolicy> policies = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          policies.add(policy(rs));
        }
      }
      return policies;
    } catch (SQLException e) {
      throw new PolicyStoreException("cannot read alert policies", e);
    }
  }

  private static AlertPolicy policy(ResultSet rs) throws SQLException {
    ObjectNode stored;
    try {
      stored = (ObjectNode) PolicyJson.JSON.readTree(rs.getString(3));
    } catch (JsonProcessingException e) {
      throw new SQLException("alert_policies.spec is not JSON", e);
    }
    // Stored specs were valid when written; one that no longer is means the rules changed without a migration.
    PolicySpec spec = switch (PolicyValidation.parse(stored, Map.of(), true)) {
      case ParsedPolicy.Valid valid -> valid.spec();
      case ParsedPolicy.Invalid invalid -> throw new IllegalStateException(
          "stored alert policy %s is invalid: %s".formatted(rs.getObject(1), invalid.fields()));
    };
    return new AlertPolicy(rs.getObject(1, UUID.class), rs.getString(2), spec, rs.getTimestamp(4).toInstant(),
        rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant());
  }
}
