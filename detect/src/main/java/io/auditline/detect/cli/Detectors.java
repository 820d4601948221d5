package io.auditline.detect.cli;

import io.auditline.detect.detector.AnchorDetector;
import io.auditline.detect.detector.AnchorRule;
import io.auditline.detect.detector.Detector;
import io.auditline.detect.detector.LevelConfig;
import io.auditline.detect.detector.SeasonalConfig;
import io.auditline.detect.detector.SeasonalLevelDetector;
import io.auditline.detect.detector.SeasonalRobustDetector;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The detectors the evaluation compares, by the names used on the command line. */
enum Detectors {
    anchor, ours, both;

    List<Detectors> expand() {
        return this == both ? List.of(anchor, ours) : List.of(this);
    }

    /** NAB: a fresh detector per series given the probation length (ours uses it as its warm-up). */
    IntFunction<Detector> forNab() {
        return switch (this) {
            case anchor -> probation -> new AnchorDetector(AnchorRule.forNab());
            case ours -> probation -> new SeasonalLevelDetector(LevelConfig.defaults(), probation);
            case both -> throw new IllegalStateException("expand() first");
        };
    }

    /** Attack benchmark: a fresh detector per zone fed one-minute counts. */
    Supplier<Detector> forCounts() {
        return switch (this) {
            case anchor -> () -> new AnchorDetector(AnchorRule.documented());
            case ours -> () -> new SeasonalRobustDetector(SeasonalConfig.defaults());
            case both -> throw new IllegalStateException("expand() first");
        };
    }
}
