package io.auditline.detect.schedule;

import java.time.Instant;

/**
 * Evaluates one zone for one minute (detector, then notifications). Called once per claim; a call
 * interrupted by a crash is repeated by another instance, so it must tolerate a repeat.
 */
public interface ZoneEvaluator {

  void evaluate(String zoneId, Instant minute) throws Exception;
}
