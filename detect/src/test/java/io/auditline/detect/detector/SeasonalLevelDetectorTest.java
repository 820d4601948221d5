package io.auditline.detect.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class SeasonalLevelDetectorTest {

    private static final long START_MILLIS = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final long ROW_MILLIS = 300_000L; // 5-minute rows, as most NAB series
    private static final int WARMUP = 750;

    private final SplittableRandom random = new SplittableRandom(5);

    private double noise() {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** Rows [0, rows) of 100 + unit noise + extra(row); returns the rows that alerted and checks the score contract. */
    private List<Integer> run(SeasonalLevelDetector detector, int rows, IntToDoubleFunction extra) {
        List<Integer> alerts = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Verdict v = detector.update(START_MILLIS + r * ROW_MILLIS, 100 + noise() + extra.applyAsDouble(r));
            if (v instanceof Verdict.Alert) {
                assertThat(v.score()).isGreaterThan(0.5);
                alerts.add(r);
            } else {
                assertThat(v.score()).isLessThanOrEqualTo(0.5);
            }
        }
        return alerts;
    }

    private static double burstsEvery200RowsThenABigOne(int row) {
        if (row == 4_600) {
            return 150;
        }
        return row >= WARMUP && row <= 4_000 && row % 200 == 0 ? 15 : 0;
    }

    @Test
    void aSpikeAfterTheWarmUpFiresOnceAndNoiseDoesNot() {
        List<Integer> alerts = run(new SeasonalLevelDetector(LevelConfig.defaults(), WARMUP), 3_000,
                r -> r == 2_000 ? 30 : 0);
        assertThat(alerts).containsExactly(2_000);
    }

    /** 12-row (one-hour) blocks: calm nights (hours 0-11, unit noise) and days six times as noisy. */
    private double dayNoise(int row) {
        int hourOfDay = (int) ((START_MILLIS + row * ROW_MILLIS) / 3_600_000L % 24);
        return hourOfDay >= 12 ? 5 * noise() : 0;
    }

    @Test
    void noisyHoursDoNotHideASpikeInAQuietHour() {
        int nightRow = 2_000 - 2_000 % 288 + 60; // 05:00 on the seventh day
        List<Integer> alerts = run(new SeasonalLevelDetector(LevelConfig.defaults(), WARMUP), 3_000,
                r -> dayNoise(r) + (r == nightRow ? 16 : 0));
        // 16 is over 12 deviations of the night's noise but under 6 of the whole day's
        assertThat(alerts).contains(nightRow);
    }

    @Test
    void aSeriesThatBurstsOftenMustOutdoItsBurstsToFireAgain() {
        LevelConfig adaptive = LevelConfig.defaults();
        LevelConfig fixed = new LevelConfig(adaptive.levelAlpha(), adaptive.seasonGamma(), adaptive.scaleAlpha(),
                adaptive.shortAlpha(), adaptive.clipSigmas(), adaptive.alertSigmas(), adaptive.cooldownFraction(),
                1, 1, adaptive.recoveryFraction(), adaptive.hourScaleAlpha(), adaptive.hourScaleFloor());
        List<Integer> withFixedLevel = run(new SeasonalLevelDetector(fixed, WARMUP), 5_000,
                SeasonalLevelDetectorTest::burstsEvery200RowsThenABigOne);
        List<Integer> withAdaptiveLevel = run(new SeasonalLevelDetector(adaptive, WARMUP), 5_000,
                SeasonalLevelDetectorTest::burstsEvery200RowsThenABigOne);

        assertThat(withFixedLevel).hasSizeGreaterThanOrEqualTo(15).contains(4_600);
        assertThat(withAdaptiveLevel.size()).isLessThanOrEqualTo(withFixedLevel.size() / 2);
        assertThat(withAdaptiveLevel).contains(4_600); // a burst far above the usual ones still fires
    }
}
