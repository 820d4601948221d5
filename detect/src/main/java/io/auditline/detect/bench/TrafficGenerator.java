package io.auditline.detect.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded per-zone security-event counts per minute: quiet, medium and busy zones, daily and weekly seasonality,
 * a slow trend, over-dispersed (gamma-Poisson) noise and injected attacks of known start, size and shape.
 *
 * <p>Minute 0 is a Monday 00:00 UTC. Attacks start after {@code warmupDays}, so both detectors have learned
 * their baselines; each zone gets one or two attacks, at least an hour apart.
 */
public final class TrafficGenerator {

    private final long seed;
    private final int days;
    private final int warmupDays;

    public TrafficGenerator(long seed, int days, int warmupDays) {
        if (days <= warmupDays || warmupDays < 0) {
            throw new IllegalArgumentException("days: %s (expected: > warmupDays %s >= 0)".formatted(days, warmupDays));
        }
        this.seed = seed;
        this.days = days;
        this.warmupDays = warmupDays;
    }

    public ZoneTraffic zone(int zone) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + zone);
        double baseRate = switch (zone % 3) {
            case 0 -> logUniform(random, 0.5, 2); // quiet
            case 1 -> logUniform(random, 10, 100); // medium
            default -> logUniform(random, 300, 3000); // busy
        };
        double dailyAmplitude = random.nextDouble(0.2, 0.65); // peak/trough up to ~4.7x
        double peakMinute = random.nextDouble(0, 1440);
        double weekendFactor = random.nextDouble(0.5, 1.0);
        double trendPerDay = random.nextDouble(-0.02, 0.03);
        double dispersion = random.nextDouble(0.03, 0.15); // relative sd of the rate beyond Poisson
        List<Attack> attacks = attacks(random);
        int minutes = days * 1440;
        double[] counts = new double[minutes];
        double[] extra = new double[minutes];
        for (int m = 0; m < minutes; m++) {
            counts[m] = rate(m, baseRate, dailyAmplitude, peakMinute, weekendFactor, trendPerDay);
        }
        for (Attack a : attacks) {
            for (int o = 0; o < a.minutes() && a.startMinute() + o < minutes; o++) {
                int m = a.startMinute() + o;
                extra[m] += (a.magnitude() - 1) * a.strength(o) * counts[m];
            }
        }
        for (int m = 0; m < minutes; m++) {
            double noisyRate = counts[m] * Noise.gamma(random, 1 / (dispersion * dispersion));
            counts[m] = Noise.poisson(random, noisyRate + extra[m]);
        }
        return new ZoneTraffic(zone, baseRate, counts, attacks);
    }

    private List<Attack> attacks(SplittableRandom random) {
        List<Attack> attacks = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        int span = (days - warmupDays) * 1440 - 240;
        int first = warmupDays * 1440 + random.nextInt(span);
        for (int i = 0; i < count; i++) {
            Attack.Shape shape = Attack.Shape.values()[random.nextInt(3)];
            int minutes = shape == Attack.Shape.SPIKE ? 3 + random.nextInt(4) : 10 + random.nextInt(110);
            double magnitude = logUniform(random, 3, 50);
            int start = i == 0 ? first : warmupDays * 1440 + random.nextInt(span);
            Attack candidate = new Attack(start, minutes, magnitude, shape);
            boolean apart = attacks.stream().allMatch(a -> candidate.startMinute() >= a.endMinute() + 60
                    || candidate.endMinute() + 60 <= a.startMinute());
            if (apart) {
                attacks.add(candidate);
            }
        }
        attacks.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
        return attacks;
    }

    private static double rate(int minute, double base, double amplitude, double peakMinute, double weekend,
                               double trendPerDay) {
        double daily = 1 + amplitude * Math.cos(2 * Math.PI * (minute % 1440 - peakMinute) / 1440);
        int dayOfWeek = (minute / 1440) % 7; // 0 = Monday
        double weekly = dayOfWeek >= 5 ? weekend : 1;
        double trend = Math.max(0.1, 1 + trendPerDay * minute / 1440.0);
        return base * daily * weekly * trend;
    }

    private static double logUniform(SplittableRandom random, double low, double high) {
        return Math.exp(random.nextDouble(Math.log(low), Math.log(high)));
    }

    public int days() {
        return days;
    }

    public int warmupDays() {
        return warmupDays;
    }
}
