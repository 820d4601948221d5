package io.auditline.detect.detector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class SeasonalRobustDetectorTest {

    private static final long MONDAY_MILLIS = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final int DAY = 1440;

    /** Daily cycle between 200/min at 04:00 and 1000/min at 16:00: the peak is 5x the trough. */
    private static double daily(int minute) {
        return 600 - 400 * Math.cos(2 * Math.PI * ((minute % DAY) - 240) / DAY);
    }

    private final SplittableRandom random = new SplittableRandom(11);
    private final SeasonalRobustDetector detector = new SeasonalRobustDetector(SeasonalConfig.defaults());

    private double poisson(double rate) {
        // Normal approximation: every rate here is >= 200.
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.max(0, Math.round(rate + Math.sqrt(rate) * Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v)));
    }

    /** Feeds minutes [from, to) and returns the minutes that alerted. */
    private List<Integer> feed(int from, int to, IntToDoubleFunction rate) {
        List<Integer> alerts = new ArrayList<>();
        for (int m = from; m < to; m++) {
            if (detector.update(MONDAY_MILLIS + m * 60_000L, poisson(rate.applyAsDouble(m))) instanceof Verdict.Alert) {
                alerts.add(m);
            }
        }
        return alerts;
    }

    @Test
    void aFiveFoldDailyPeakRaisesNoAlertAfterAWarmUpWeek() {
        feed(0, 7 * DAY, SeasonalRobustDetectorTest::daily);
        assertThat(feed(7 * DAY, 9 * DAY, SeasonalRobustDetectorTest::daily)).isEmpty();
    }

    @Test
    void expectsTheTroughAtTheTroughAndThePeakAtThePeak() {
        // Without seasonal factors one slow level cannot be within 10% of both 200 and 1000 on the same day.
        feed(0, 7 * DAY + 240, SeasonalRobustDetectorTest::daily);
        assertThat(detector.lastExpected()).isBetween(180.0, 220.0);
        feed(7 * DAY + 240, 7 * DAY + 960, SeasonalRobustDetectorTest::daily);
        assertThat(detector.lastExpected()).isBetween(900.0, 1100.0);
    }

    @Test
    void catchesAtTheTroughAnAttackSmallerThanTheDailyPeakWithinTwoMinutes() {
        int start = 7 * DAY + 240; // 04:00 on day 8, traffic at its trough of 200/min
        feed(0, start, SeasonalRobustDetectorTest::daily);
        // +300/min: 500/min is half the daily peak, a non-seasonal baseline spanning the day accepts it.
        List<Integer> alerts = feed(start, start + 10, m -> daily(m) + 300);
        assertThat(alerts).isNotEmpty();
        assertThat(alerts.get(0) - start + 1).isLessThanOrEqualTo(2);
    }

    @Test
    void learnsThatWeekendsAreBusier() {
        // A zone three times busier on Saturdays and Sundays (reached over two hours either side of midnight):
        // the hour-of-week slots make it normal by week three, where hour-of-day slots alone would not.
        IntToDoubleFunction weekly = m -> {
            int minuteOfWeek = m % (7 * DAY);
            double up = Math.clamp((minuteOfWeek - (5 * DAY - 60)) / 240.0, 0, 1);
            double down = Math.clamp((7 * DAY - 60 - minuteOfWeek) / 240.0, 0, 1);
            return 200 + 400 * Math.min(up, down);
        };
        feed(0, 14 * DAY, weekly);
        assertThat(feed(14 * DAY, 21 * DAY, weekly)).isEmpty();
    }

    @Test
    void aQuietZoneNeedsTheMinimumExcessToAlert() {
        SeasonalRobustDetector quiet = new SeasonalRobustDetector(SeasonalConfig.defaults());
        for (int m = 0; m < 2 * DAY; m++) {
            quiet.update(MONDAY_MILLIS + m * 60_000L, m % 4 == 0 ? 1 : 0); // 0.25 events per minute
        }
        // 4 events where 0.25 are expected is a z of ~6.8 but an excess below the 5-event floor.
        assertThat(quiet.update(MONDAY_MILLIS + 2L * DAY * 60_000L, 4)).isNotInstanceOf(Verdict.Alert.class);
        assertThat(quiet.update(MONDAY_MILLIS + (2L * DAY + 1) * 60_000L, 40)).isInstanceOf(Verdict.Alert.class);
    }
}
