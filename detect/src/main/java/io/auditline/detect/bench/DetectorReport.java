package io.auditline.detect.bench;

/**
 * One detector's results on the attack benchmark.
 *
 * @param medianMinutesToDetect median minutes from attack start to the first alert, over detected attacks
 * @param p95MinutesToDetect 95th percentile of the same
 * @param falseAlertsPerZoneDay alerts outside every attack (and its grace) per zone per evaluated day
 */
public record DetectorReport(String detector, int attacks, int detected, double medianMinutesToDetect,
                             double p95MinutesToDetect, int falseAlerts, double falseAlertsPerZoneDay) {

    public int missed() {
        return attacks - detected;
    }
}
