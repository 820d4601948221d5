package io.auditline.detect.schedule;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/** The partition of {@code security.events.v1} a zone's events land on. */
public final class ZonePartitions {

  private ZonePartitions() {}

  /** What Kafka's default partitioner picks for the UTF-8 key {@code zoneId}. */
  public static int partitionOf(String zoneId, int partitionCount) {
    if (partitionCount < 1) {
      throw new IllegalArgumentException("partitionCount: " + partitionCount + " (expected: >= 1)");
    }
    return Utils.toPositive(Utils.murmur2(zoneId.getBytes(StandardCharsets.UTF_8))) % partitionCount;
  }
}
