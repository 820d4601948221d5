package io.auditline.detect.nab;

/**
 * The NAB outcome of one detector under one profile at the threshold the sweep chose.
 *
 * @param threshold rows scoring at or above it are detections ({@code +Infinity}: nothing detected)
 * @param rawScore the summed weighted score S
 * @param normalised 100 (S - S_null) / (S_perfect - S_null)
 * @param detectedWindows windows with at least one detection
 * @param falsePositives detections outside every window
 * @param windows windows scored (those not wholly inside probation)
 */
public record ProfileResult(Profile profile, double threshold, double rawScore, double normalised,
                            int detectedWindows, int falsePositives, int windows) {
}
