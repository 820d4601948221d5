package io.auditline.detect.schedule;

import java.util.List;
import java.util.Set;

/** The zones with an enabled policy whose events live on the given partitions. */
public interface ScheduledZones {

  List<String> zonesFor(Set<Integer> partitions, int partitionCount);
}
