package io.auditline.detect.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AdaptiveThresholdTest {

    @Test
    void risesWhenTheSeriesFiresAndRelaxesBackWithTheHalfLife() {
        AdaptiveThreshold threshold = new AdaptiveThreshold(6, 2, 1.02, 100);
        assertThat(threshold.level()).isEqualTo(6);
        threshold.fired();
        assertThat(threshold.level()).isEqualTo(12);
        for (int i = 0; i < 100; i++) {
            threshold.relax();
        }
        assertThat(threshold.level()).isCloseTo(9, within(1e-9)); // half of the excess of 6 is gone
        for (int i = 0; i < 2_000; i++) {
            threshold.relax();
        }
        assertThat(threshold.level()).isCloseTo(6, within(1e-4));
    }

    @Test
    void crossingsDuringACooldownRaiseItByTheQuietGain() {
        AdaptiveThreshold threshold = new AdaptiveThreshold(6, 2, 1.5, 100);
        threshold.crossedWhileQuiet();
        threshold.crossedWhileQuiet();
        assertThat(threshold.level()).isCloseTo(13.5, within(1e-9));
    }

    @Test
    void refusesGainsBelowOne() {
        assertThatThrownBy(() -> new AdaptiveThreshold(6, 0.5, 1, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdaptiveThreshold(6, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
