package io.auditline.detect.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Merges batches of observations into {@code security_rollups} exactly once per Kafka record: in one
 * transaction it locks each partition's row in {@code security_rollup_offsets}, skips records below
 * the stored next offset, adds the rest's counts to the stored minutes (trimmed again to each
 * dimension's top N plus "other") and advances the offsets.
 */
public final class RollupStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UPSERT = """
      INSERT INTO security_rollups AS r (account_id, zone_id, minute, total, by_action, by_source, by_rule, by_host,
        top_countries, top_ips, by_policy)
      VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb)
      ON CONFLICT (zone_id, minute) DO UPDATE SET
        total = r.total + excluded.total,
        by_action = detect_top_counts(detect_add_counts(r.by_action, excluded.by_action), %d),
        by_source = detect_top_counts(detect_add_counts(r.by_source, excluded.by_source), %d),
        by_rule = detect_top_counts(detect_add_counts(r.by_rule, excluded.by_rule), %d),
        by_host = detect_top_counts(detect_add_counts(r.by_host, excluded.by_host), %d),
        top_countries = detect_top_counts(detect_add_counts(r.top_countries, excluded.top_countries), %d),
        top_ips = detect_top_counts(detect_add_counts(r.top_ips, excluded.top_ips), %d),
        by_policy = detect_add_counts(r.by_policy, excluded.by_policy)
      """.formatted(MinuteRollup.TOP_ACTIONS, MinuteRollup.TOP_SOURCES, MinuteRollup.TOP_RULES, MinuteRollup.TOP_HOSTS,
      MinuteRollup.TOP_COUNTRIES, MinuteRollup.TOP_IPS);

  private final DataSource dataSource;
  private final PolicyCounter policies;

  public RollupStore(DataSource dataSource) {
    this(dataSource, PolicyCounter.NONE);
  }

  public RollupStore(DataSource dataSource, PolicyCounter policies) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.policies = Objects.requireNonNull(policies, "policies");
  }

  /** Counts every delivery not counted before; durable when this returns. */
  public ApplyResult apply(List<Delivery> deliveries) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        ApplyResult result = apply(c, deliveries);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new RollupStoreException("cannot merge a batch into security_rollups", e);
    }
  }

  private ApplyResult apply(Connection c, List<Delivery> deliveries) throws SQLException {
    Map<PartitionKey, Long> next = lockOffsets(c, deliveries);
    Map<PartitionKey, Long> advanced = new HashMap<>(next);
    // Sorted, so that concurrent transactions touching the same minutes lock their rows in one order.
    Map<MinuteKey, MinuteRollup> minutes = new TreeMap<>();
    int counted = 0;
    int replayed = 0;
    int undecodable = 0;
    for (Delivery d : deliveries) {
      PartitionKey p = new PartitionKey(d.topic(), d.partition());
      if (d.offset() < next.get(p)) {
        replayed++;
        continue;
      }
      advanced.merge(p, d.offset() + 1, Math::max);
      if (d.observation().isEmpty()) {
        undecodable++;
        continue;
      }
      SecurityObservation o = d.observation().get();
      Instant minute = MinuteRollup.minuteOf(o);
      minutes.computeIfAbsent(new MinuteKey(o.zoneId(), minute), k -> new MinuteRollup(o.accountId(), o.zoneId(), minute))
          .add(o, policies.policiesCounting(o));
      counted++;
    }
    upsert(c, minutes.values());
    storeOffsets(c, advanced);
    return new ApplyResult(counted, replayed, undecodable, minutes.size());
  }

  /** The stored next offset of every partition in the batch (0 when new), each row locked until commit. */
  private static Map<PartitionKey, Long> lockOffsets(Connection c, List<Delivery> deliveries) throws SQLException {
    // Sorted, so that two members briefly sharing partitions during a rebalance cannot deadlock.
    List<PartitionKey> partitions = deliveries.stream().map(d -> new PartitionKey(d.topic(), d.partition())).distinct()
        .sorted().toList();
    Map<PartitionKey, Long> next = new HashMap<>();
    try (PreparedStatement insert = c.prepareStatement(
            "INSERT INTO security_rollup_offsets (topic, partition, next_offset) VALUES (?, ?, 0) ON CONFLICT DO NOTHING");
        PreparedStatement select = c.prepareStatement(
            "SELECT next_offset FROM security_rollup_offsets WHERE topic = ? AND partition = ? FOR UPDATE")) {
      for (PartitionKey p : partitions) {
        insert.setString(1, p.topic());
        insert.setInt(2, p.partition());
        insert.executeUpdate();
        select.setString(1, p.topic());
        select.setInt(2, p.partition());
        try (ResultSet rs = select.executeQuery()) {
          rs.next();
          next.put(p, rs.getLong(1));
        }
      }
    }
    return next;
  }

  private static void upsert(Connection c, Iterable<MinuteRollup> minutes) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (MinuteRollup m : minutes) {
        ps.setString(1, m.accountId());
        ps.setString(2, m.zoneId());
        ps.setTimestamp(3, Timestamp.from(m.minute()));
        ps.setLong(4, m.total());
        ps.setString(5, json(m.byAction()));
        ps.setString(6, json(m.bySource()));
        ps.setString(7, json(m.byRule()));
        ps.setString(8, json(m.byHost()));
        ps.setString(9, json(m.topCountries()));
        ps.setString(10, json(m.topIps()));
        ps.setString(11, json(m.byPolicy()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void storeOffsets(Connection c, Map<PartitionKey, Long> offsets) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE security_rollup_offsets SET next_offset = ? WHERE topic = ? AND partition = ?")) {
      for (Map.Entry<PartitionKey, Long> e : offsets.entrySet()) {
        ps.setLong(1, e.getValue());
        ps.setString(2, e.getKey().topic());
        ps.setInt(3, e.getKey().partition());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String json(Map<String, Long> counts) {
    try {
      return JSON.writeValueAsString(counts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of counts always serializes", e);
    }
  }

  private record PartitionKey(String topic, int partition) implements Comparable<PartitionKey> {
    @Override
    public int compareTo(PartitionKey o) {
      int byTopic = topic.compareTo(o.topic);
      return byTopic != 0 ? byTopic : Integer.compare(partition, o.partition);
    }
  }

  private record MinuteKey(String zoneId, Instant minute) implements Comparable<MinuteKey> {
    @Override
    public int compareTo(MinuteKey o) {
      int byZone = zoneId.compareTo(o.zoneId);
      return byZone != 0 ? byZone : minute.compareTo(o.minute);
    }
  }
}
