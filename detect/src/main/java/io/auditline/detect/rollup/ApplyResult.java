package io.auditline.detect.rollup;

/**
 * What {@link RollupStore#apply} did: records counted, records skipped because an earlier
 * transaction already counted them (a replay), records that were not observations, and minute rows written.
 */
public record ApplyResult(int counted, int replayed, int undecodable, int minutesWritten) {}
