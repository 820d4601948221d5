package io.auditline.detect.alert;

import io.auditline.detect.detector.AnchorDetector;
import io.auditline.detect.detector.AnchorRule;
import io.auditline.detect.detector.Detector;
import io.auditline.detect.detector.SeasonalConfig;
import io.auditline.detect.detector.SeasonalRobustDetector;
import io.auditline.detect.policy.PolicySpec;
import java.time.Duration;

/**
 * Builds the detector a policy chose, tuned by its sensitivity: {@code medium} (0.5) is each
 * detector's own threshold, {@code high} (0.75) lowers it by a quarter, {@code low} (0.25) raises it
 * by a quarter. Our detector's cooldown is the policy's; the anchor keeps its documented rule.
 */
public final class PolicyDetectors {

  /** How much history a detector is rebuilt from when an instance first evaluates a zone. */
  public static Duration history(PolicySpec spec) {
    return switch (spec.detector()) {
      // A week teaches the hour-of-week factors; the detector warms up after one day.
      case OURS -> Duration.ofDays(7);
      // The 6-hour baseline, plus slack so a restart right after an alert still knows it.
      case ANCHOR -> Duration.ofHours(8);
    };
  }

  /** Minutes per bucket: the anchor's buckets start on multiples of five minutes. */
  public static int bucketMinutes(PolicySpec spec) {
    return switch (spec.detector()) {
      case OURS -> 1;
      case ANCHOR -> AnchorRule.documented().inputsPerBucket();
    };
  }

  public static Detector create(PolicySpec spec) {
    double factor = 1.5 - spec.sensitivity().value();
    return switch (spec.detector()) {
      case OURS -> {
        SeasonalConfig d = SeasonalConfig.defaults();
        yield new SeasonalRobustDetector(new SeasonalConfig(d.levelAlpha(), d.trendBeta(), d.dailyGamma(),
            d.weeklyGamma(), d.dispersionRate(), d.clipSigmas(), d.zAlert() * factor, d.cusumDrift(),
            d.cusumLimit() * factor, d.minExcess(), spec.cooldown(), d.warmup()));
      }
      case ANCHOR -> {
        AnchorRule r = AnchorRule.documented();
        yield new AnchorDetector(new AnchorRule(r.inputsPerBucket(), r.baselineBuckets(), r.zThreshold() * factor,
            r.minEvents(), r.suppression()));
      }
    };
  }

  private PolicyDetectors() {}
}
