package io.auditline.detect.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnchorDetectorTest {

    private static final long MINUTE = 60_000L;

    private final AnchorDetector detector = new AnchorDetector(AnchorRule.documented());
    private long minute;

    /** Feeds one 5-minute bucket as five equal one-minute counts; returns the verdict of its last minute. */
    private Verdict bucket(int count) {
        Verdict verdict = null;
        for (int i = 0; i < 5; i++) {
            Verdict v = detector.update(minute++ * MINUTE, count / 5.0);
            if (i < 4) {
                assertThat(v).isInstanceOf(Verdict.Pending.class);
            }
            verdict = v;
        }
        return verdict;
    }

    /** 72 buckets alternating low/high: mean (low+high)/2, sample sd = d * sqrt(72/71) with d = (high-low)/2. */
    private void baseline(int low, int high) {
        for (int i = 0; i < 72; i++) {
            assertThat(bucket(i % 2 == 0 ? low : high)).isInstanceOf(Verdict.Pending.class);
        }
    }

    @Test
    void firesAboveThreePointFiveWithTheNewestBucketOutsideItsBaseline() {
        baseline(190, 210); // mean 200, sd = 10 * sqrt(72/71) = 10.07018
        // z = (240 - 200) / 10.07018 = 3.97213 > 3.5
        Verdict v = bucket(240);
        assertThat(v).isInstanceOf(Verdict.Alert.class);
        Verdict.Alert alert = (Verdict.Alert) v;
        assertThat(alert.statistic()).isCloseTo(3.97213, within(1e-4));
        assertThat(alert.expected()).isEqualTo(200);
        assertThat(alert.observed()).isEqualTo(240);
    }

    @Test
    void staysQuietJustBelowTheZThreshold() {
        baseline(190, 210);
        // z = 35 / 10.07018 = 3.47561 <= 3.5
        assertThat(bucket(235)).isInstanceOf(Verdict.Normal.class);
    }

    @Test
    void theTwoHundredEventFloorBlocksSmallSpikes() {
        baseline(90, 110); // mean 100, sd 10.07018
        // z = 90 / 10.07018 = 8.937 but the bucket holds 190 < 200 events
        Verdict blocked = bucket(190);
        assertThat(blocked).isInstanceOf(Verdict.Normal.class);
        assertThat(blocked.score()).isLessThanOrEqualTo(0.5);
    }

    @Test
    void aBucketOfExactlyTwoHundredEventsMayFire() {
        baseline(90, 110);
        assertThat(bucket(110)).isInstanceOf(Verdict.Normal.class); // z = 10 / 10.07 = 0.99
        // baseline: 35 x 90 + 37 x 110 -> mean 100.2778, z = (200 - 100.28) / 10.06 = 9.9 > 3.5, 200 >= 200
        assertThat(bucket(200)).isInstanceOf(Verdict.Alert.class);
    }

    @Test
    void suppressesRepeatsForTwoHoursThenFiresAgain() {
        baseline(190, 210);
        assertThat(bucket(400)).isInstanceOf(Verdict.Alert.class); // bucket 72, z = 19.9
        // 11 ordinary buckets, then another 400 one hour (12 buckets) after the first alert: suppressed.
        // Its baseline holds one 400: mean ~ 202.8, sd ~ 24.9, z ~ 7.9: it would have fired.
        for (int i = 0; i < 11; i++) {
            bucket(i % 2 == 0 ? 210 : 190);
        }
        assertThat(bucket(400)).isInstanceOf(Verdict.Normal.class);
        // 11 more ordinary buckets: the next bucket starts exactly 2 h (24 buckets) after the first alert.
        // Baseline: two 400s, 70 of 190/210 -> mean ~ 205.6, sd ~ 33.8, z ~ 5.8 > 3.5.
        for (int i = 0; i < 11; i++) {
            bucket(i % 2 == 0 ? 210 : 190);
        }
        assertThat(bucket(400)).isInstanceOf(Verdict.Alert.class);
    }

    @Test
    void evaluatesNothingUntilTheSixHourBaselineIsFull() {
        for (int i = 0; i < 72; i++) {
            assertThat(bucket(i == 71 ? 10_000 : 200)).isInstanceOf(Verdict.Pending.class);
        }
    }
}
