package io.auditline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditline.detect.detector.AnchorDetector;
import io.auditline.detect.detector.AnchorRule;
import io.auditline.detect.detector.SeasonalConfig;
import io.auditline.detect.detector.SeasonalRobustDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackBenchmarkTest {

    @Test
    void theGeneratorIsDeterministicAndAttacksFollowTheWarmUp() {
        TrafficGenerator generator = new TrafficGenerator(5, 4, 2);
        ZoneTraffic a = generator.zone(3);
        assertThat(generator.zone(3).counts()).containsExactly(a.counts());
        assertThat(a.counts()).hasSize(4 * 1440);
        assertThat(a.attacks()).isNotEmpty().allSatisfy(attack -> assertThat(attack.startMinute()).isGreaterThanOrEqualTo(2 * 1440));
    }

    @Test
    void reportsBothDetectorsOnTheSameZones() {
        AttackBenchmark benchmark = new AttackBenchmark(new TrafficGenerator(1, 4, 2), 12);
        List<DetectorReport> reports = benchmark.run(List.of(
                () -> new AnchorDetector(AnchorRule.documented()),
                () -> new SeasonalRobustDetector(SeasonalConfig.defaults())));
        assertThat(reports).extracting(DetectorReport::detector).containsExactly("anchor", "ours");
        assertThat(reports.get(0).attacks()).isEqualTo(reports.get(1).attacks()).isPositive();
        // The anchor cannot alert before its 5-minute bucket closes.
        if (reports.get(0).detected() > 0) {
            assertThat(reports.get(0).medianMinutesToDetect()).isGreaterThanOrEqualTo(1);
        }
        assertThat(reports.get(1).detected()).isPositive();
    }

    @Test
    void percentilesUseTheNearestRank() {
        assertThat(AttackBenchmark.percentile(new int[] {1, 2, 3, 4}, 0.5)).isEqualTo(2);
        assertThat(AttackBenchmark.percentile(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20}, 0.95)).isEqualTo(19);
        assertThat(AttackBenchmark.percentile(new int[0], 0.5)).isNaN();
    }
}
