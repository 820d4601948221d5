package io.auditline.detect.bench;

import java.util.SplittableRandom;

/** Poisson and gamma samplers for the traffic generator (seeded, allocation-free). */
final class Noise {

    private Noise() {
    }

    /** A Poisson sample; above a rate of 50 the normal approximation is indistinguishable for this purpose. */
    static double poisson(SplittableRandom random, double rate) {
        if (rate <= 0) {
            return 0;
        }
        if (rate > 50) {
            return Math.max(0, Math.round(rate + Math.sqrt(rate) * gaussian(random)));
        }
        double limit = Math.exp(-rate);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    /** A gamma sample with the given shape and mean 1 (Marsaglia and Tsang). */
    static double gamma(SplittableRandom random, double meanOneShape) {
        double shape = meanOneShape;
        double boost = 1;
        if (shape < 1) {
            boost = Math.pow(random.nextDouble(), 1 / shape);
            shape += 1;
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = gaussian(random);
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return boost * d * v / meanOneShape;
            }
        }
    }

    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
