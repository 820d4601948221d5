package io.auditline.detect.schedule;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** A fixed list of zones, all with an enabled policy. */
record FixedZones(List<String> all) implements ScheduledZones {

  FixedZones {
    all = List.copyOf(all);
  }

  /** {@code zone-00}, {@code zone-01}, ... */
  static FixedZones numbered(int count) {
    return new FixedZones(IntStream.range(0, count).mapToObj(i -> String.format("zone-%02d", i)).toList());
  }

  @Override
  public List<String> zonesFor(Set<Integer> partitions, int partitionCount) {
    return all.stream().filter(zone -> partitions.contains(ZonePartitions.partitionOf(zone, partitionCount))).toList();
  }
}
