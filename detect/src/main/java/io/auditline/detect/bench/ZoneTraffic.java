package io.auditline.detect.bench;

import java.util.List;

/** One generated zone: a count per minute and the attacks injected into it. */
public record ZoneTraffic(int zone, double baseRate, double[] counts, List<Attack> attacks) {

    public ZoneTraffic {
        attacks = List.copyOf(attacks);
    }
}
