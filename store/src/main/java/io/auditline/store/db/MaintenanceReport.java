package io.auditline.store.db;

import java.time.LocalDate;
import java.util.List;

/**
 * What one partition maintenance run did.
 *
 * @param created days (UTC) whose partition was created
 * @param rowsMovedFromDefault rows moved out of the default partition into created partitions
 * @param dropped days (UTC) whose partition was dropped by retention
 * @param defaultRows rows left in the default partition (counted up to {@value
 *     Partitions#DEFAULT_ROWS_COUNT_LIMIT})
 * @param skipped whether another process held the maintenance lock, so nothing was done
 */
public record MaintenanceReport(
    List<LocalDate> created,
    long rowsMovedFromDefault,
    List<LocalDate> dropped,
    long defaultRows,
    boolean skipped) {

  public MaintenanceReport {
    created = List.copyOf(created);
    dropped = List.copyOf(dropped);
  }

  static MaintenanceReport skippedRun() {
    return new MaintenanceReport(List.of(), 0, List.of(), 0, true);
  }
}
