package io.auditline.detect.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HourlyScaleTest {

    @Test
    void eachHourLearnsItsOwnScaleStartingFromTheOverallOne() {
        HourlyScale scale = new HourlyScale(0.5, 0.1);
        assertThat(scale.at(3, 2)).isEqualTo(2); // unseen: the overall scale
        scale.learn(3, 10);
        assertThat(scale.at(3, 2)).isCloseTo(6, within(1e-12));
        assertThat(scale.at(4, 2)).isEqualTo(2); // other hours are untouched
        scale.learn(4, 0);
        scale.learn(4, 0);
        assertThat(scale.at(4, 2)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aCalmHourIsNeverTrustedBelowTheFloor() {
        HourlyScale scale = new HourlyScale(1, 0.5);
        scale.at(0, 4);
        scale.learn(0, 0);
        assertThat(scale.at(0, 4)).isEqualTo(2);
    }

    @Test
    void refusesRatesOutsideTheUnitIntervalAndNonPositiveFloors() {
        assertThatThrownBy(() -> new HourlyScale(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HourlyScale(1.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HourlyScale(0.1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
