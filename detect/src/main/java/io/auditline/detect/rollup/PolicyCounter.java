package io.auditline.detect.rollup;

import java.util.List;

/**
 * Which filtered alert policies count an event: their ids go into the minute's {@code by_policy}
 * counts, the series their detectors read. Policies without filters read the zone's total instead.
 */
@FunctionalInterface
public interface PolicyCounter {

  PolicyCounter NONE = o -> List.of();

  /** The ids of the filtered policies of the event's account whose filters it matches. */
  List<String> policiesCounting(SecurityObservation observation);
}
