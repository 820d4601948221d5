package io.auditline.detect.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ZonePartitionsTest {

  @Test
  void matchesKafkasDefaultPartitionerForStringKeys() {
    for (int partitions : new int[] {1, 3, 6, 12, 64}) {
      IntStream.range(0, 500).mapToObj(i -> "zone-" + i).forEach(zone ->
          assertThat(ZonePartitions.partitionOf(zone, partitions)).as("%s of %d", zone, partitions)
              .isEqualTo(BuiltInPartitioner.partitionForKey(zone.getBytes(StandardCharsets.UTF_8), partitions)));
    }
  }

  @Test
  void hashesTheUtf8BytesOfNonAsciiZoneIds() {
    String zone = "zöne-日本";
    assertThat(ZonePartitions.partitionOf(zone, 7))
        .isEqualTo(BuiltInPartitioner.partitionForKey(zone.getBytes(StandardCharsets.UTF_8), 7));
  }

  @Test
  void spreadsZonesOverAllPartitions() {
    assertThat(IntStream.range(0, 60).map(i -> ZonePartitions.partitionOf("zone-" + i, 6)).distinct().count()).isEqualTo(6);
  }

  @Test
  void rejectsNoPartitions() {
    assertThatThrownBy(() -> ZonePartitions.partitionOf("z", 0)).hasMessageContaining("partitionCount: 0");
  }
}
