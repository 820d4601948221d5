package io.auditline.detect.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditline.detect.support.DetectDb;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Exactly-once merging of rollups into real PostgreSQL through the Kafka batch handler. */
class RollupStoreIT {

  static final Instant T = Instant.parse("2026-11-26T10:15:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DetectDb db;
  private static RollupHandler handler;

  // The test's wire format: "zone|action|rule|ip|country|secondsAfterT"; "junk" decodes to nothing.
  static final ObservationDecoder DECODER = (key, value) -> {
    String s = new String(value, StandardCharsets.UTF_8);
    if (s.equals("junk")) {
      return Optional.empty();
    }
    String[] f = s.split("\\|", -1);
    return Optional.of(new SecurityObservation(f[0], "acct-a", T.plusSeconds(Long.parseLong(f[5])), f[1], "waf", f[2],
        f[3], f[4], "h.example", "/"));
  };

  @BeforeAll
  static void setUp() {
    db = new DetectDb("rollup_store_it");
    handler = new RollupHandler(DECODER, new RollupStore(db.dataSource));
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  static ConsumerRecords<byte[], byte[]> batch(String topic, int partition, long firstOffset, String... values) {
    List<ConsumerRecord<byte[], byte[]>> list = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      list.add(new ConsumerRecord<>(topic, partition, firstOffset + i, new byte[0], values[i].getBytes(StandardCharsets.UTF_8)));
    }
    return new ConsumerRecords<>(Map.of(new TopicPartition(topic, partition), list), Map.of());
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A column as JSON, so that jsonb's key order does not matter. */
  JsonNode row(String zone, Instant minute, String column) {
    return json(db.queryString("SELECT " + column + "::text FROM security_rollups WHERE zone_id = ? AND minute = ?",
        zone, java.sql.Timestamp.from(minute)));
  }

  @Test
  void appliesTheSameBatchTwiceButCountsItOnce() {
    ConsumerRecords<byte[], byte[]> records = batch("t1", 0, 0,
        "z1|block|r1|10.0.0.1|DE|1", "z1|block|r1|10.0.0.2|DE|2", "junk", "z1|log|r2|10.0.0.1|FR|70");
    handler.handle(records);
    handler.handle(records);

    assertThat(row("z1", T, "total")).isEqualTo(json("2"));
    assertThat(row("z1", T, "by_action")).isEqualTo(json("{\"block\": 2}"));
    assertThat(row("z1", T.plusSeconds(60), "by_rule")).isEqualTo(json("{\"r2\": 1}"));
    assertThat(db.queryString("SELECT next_offset::text FROM security_rollup_offsets WHERE topic = 't1' AND partition = 0"))
        .isEqualTo("4");
  }

  @Test
  void countsEachFilteredPolicysMatchesOnceAcrossBatches() {
    // A stand-in for the enabled policies: "p-blocks" counts blocks, "p-de" events from DE.
    PolicyCounter counter = o -> java.util.stream.Stream.of(o.action().equals("block") ? "p-blocks" : null,
        o.country().equals("DE") ? "p-de" : null).filter(java.util.Objects::nonNull).toList();
    RollupHandler counting = new RollupHandler(DECODER, new RollupStore(db.dataSource, counter));
    ConsumerRecords<byte[], byte[]> first = batch("tpol", 0, 0, "zpol|block|r1|1.1.1.1|DE|1", "zpol|log|r1|1.1.1.1|DE|2",
        "zpol|block|r1|1.1.1.1|FR|3");
    counting.handle(first);
    counting.handle(first); // a replay counts nothing again
    counting.handle(batch("tpol", 0, 3, "zpol|block|r2|1.1.1.1|US|4"));

    assertThat(row("zpol", T, "total")).isEqualTo(json("4"));
    assertThat(row("zpol", T, "by_policy")).isEqualTo(json("{\"p-blocks\": 3, \"p-de\": 2}"));
  }

  @Test
  void mergesTwoBatchesIntoTheSameMinuteByAddingCounts() {
    handler.handle(batch("t2", 3, 0, "z2|block|r1|10.0.0.1|DE|1", "z2|challenge|r2|10.0.0.9|US|2"));
    handler.handle(batch("t2", 3, 2, "z2|block|r1|10.0.0.1|DE|30", "z2|block|r3|10.0.0.1|DE|59"));

    assertThat(row("z2", T, "total")).isEqualTo(json("4"));
    assertThat(row("z2", T, "by_action")).isEqualTo(json("{\"block\": 3, \"challenge\": 1}"));
    assertThat(row("z2", T, "by_rule")).isEqualTo(json("{\"r1\": 2, \"r2\": 1, \"r3\": 1}"));
    assertThat(row("z2", T, "top_ips")).isEqualTo(json("{\"10.0.0.1\": 3, \"10.0.0.9\": 1}"));
    assertThat(row("z2", T, "top_countries")).isEqualTo(json("{\"DE\": 3, \"US\": 1}"));
  }

  @Test
  void countsOnlyTheNewTailOfABatchThatOverlapsAnAppliedOne() {
    handler.handle(batch("t3", 0, 0, "z3|block|r1|1.1.1.1|DE|1", "z3|block|r1|1.1.1.1|DE|2"));
    // Replayed after a crash together with records never seen: offsets 1 (seen) and 2, 3 (new).
    handler.handle(batch("t3", 0, 1, "z3|block|r1|1.1.1.1|DE|2", "z3|block|r1|1.1.1.1|DE|3", "z3|log|r1|1.1.1.1|DE|4"));

    assertThat(row("z3", T, "total")).isEqualTo(json("4"));
    assertThat(row("z3", T, "by_action")).isEqualTo(json("{\"block\": 3, \"log\": 1}"));
  }

  @Test
  void countsOnceWhenTwoMembersApplyTheSameBatchAtOnce() {
    // As during a rebalance: the old and the new owner of a partition both handle the same records.
    ConsumerRecords<byte[], byte[]> records = batch("t5", 0, 0, "z5|block|r1|1.1.1.1|DE|1", "z5|block|r2|1.1.1.1|DE|2",
        "z6|block|r2|1.1.1.1|DE|2");
    RollupHandler other = new RollupHandler(DECODER, new RollupStore(db.dataSource));
    CompletableFuture<Void> first = CompletableFuture.runAsync(() -> handler.handle(records));
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> other.handle(records));
    CompletableFuture.allOf(first, second).join();

    assertThat(row("z5", T, "total")).isEqualTo(json("2"));
    assertThat(row("z6", T, "total")).isEqualTo(json("1"));
  }

  @Test
  void keepsMergedMinutesBoundedToTheTopRulesPlusOther() {
    // Two batches of 40 distinct rules each (r0..r39, then r40..r79); rule rN occurs once, r0 twice more.
    for (int b = 0; b < 2; b++) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        values.add("z7|block|r" + (b * 40 + i) + "|1.1.1.1|DE|1");
      }
      if (b == 0) {
        values.add("z7|block|r0|1.1.1.1|DE|1");
        values.add("z7|block|r0|1.1.1.1|DE|1");
      }
      handler.handle(batch("t7", 0, b * 100L, values.toArray(String[]::new)));
    }
    JsonNode rules = row("z7", T, "by_rule");
    assertThat(rules.size()).isEqualTo(MinuteRollup.TOP_RULES + 1);
    assertThat(rules.get("r0").asLong()).isEqualTo(3);
    long sum = 0;
    for (JsonNode count : rules) {
      sum += count.asLong();
    }
    assertThat(sum).isEqualTo(82);
    assertThat(rules.get("other").asLong()).isEqualTo(82 - 3 - 49);
  }

  @Test
  void keepsPartitionsOfTheSameTopicApart() {
    handler.handle(batch("t4", 0, 0, "z4|block|r1|1.1.1.1|DE|1"));
    handler.handle(batch("t4", 1, 0, "z4|block|r1|1.1.1.1|DE|1"));
    assertThat(row("z4", T, "total")).isEqualTo(json("2"));
  }
}
