package io.auditline.detect.bench;

/**
 * An injected attack: extra events on top of a zone's normal traffic.
 *
 * @param startMinute first minute of the attack (minutes since the benchmark's start)
 * @param minutes duration
 * @param magnitude traffic during the attack's peak is this multiple of the zone's normal rate
 */
public record Attack(int startMinute, int minutes, double magnitude, Shape shape) {

    public Attack {
        if (startMinute < 0 || minutes <= 0) {
            throw new IllegalArgumentException("attack: start %s, minutes %s (expected: >= 0, > 0)"
                    .formatted(startMinute, minutes));
        }
        if (!(magnitude > 1)) {
            throw new IllegalArgumentException("magnitude: %s (expected: > 1)".formatted(magnitude));
        }
    }

    /** How the attack's extra traffic rises. */
    public enum Shape {
        /** Full strength from the first minute. */
        STEP,
        /** Rises linearly to full strength over the first half of the attack. */
        RAMP,
        /** A short burst of a few minutes at full strength. */
        SPIKE
    }

    /** Fraction of full strength in the attack's {@code offset}-th minute. */
    public double strength(int offset) {
        if (shape == Shape.RAMP) {
            return Math.min(1, (offset + 1) / Math.max(1.0, minutes / 2.0));
        }
        return 1;
    }

    public int endMinute() {
        return startMinute + minutes;
    }
}
