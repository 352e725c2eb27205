package org.cohortplanner.simulation;

import java.util.SplittableRandom;

/**
 * The random draws of the booking-night models, from one seeded generator so that a run repeats exactly.
 * Binomial counts are drawn exactly (inversion) while their mean is small — the case of every stationary check,
 * where a handful of slots free up per step — and by the normal approximation with continuity rounding when the
 * mean is 12 or more, where its error (skewness below 0.3) is far below what the night's other assumptions allow.
 */
final class Sampler {
    private static final double EXACT_BELOW = 12;

    private final SplittableRandom random;

    Sampler(long seed) {
        this.random = new SplittableRandom(seed);
    }

    double uniform() {
        return random.nextDouble();
    }

    double gaussian() {
        return random.nextGaussian();
    }

    double exponential(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int index(int bound) {
        return random.nextInt(bound);
    }

    /** Successes among {@code n} trials of probability {@code p}. */
    long binomial(long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p);
        }
        double mean = n * p;
        if (mean < EXACT_BELOW) {
            return inversion(n, p);
        }
        double sd = Math.sqrt(mean * (1 - p));
        long draw = Math.round(mean + sd * random.nextGaussian());
        return Math.max(0, Math.min(n, draw));
    }

    /** Walks the binomial distribution function from 0; expected cost is about the mean, below 12 here. */
    private long inversion(long n, double p) {
        double q = 1 - p;
        double ratio = p / q;
        double probability = Math.exp(n * Math.log1p(-p));
        double u = random.nextDouble();
        long x = 0;
        while (u > probability && x < n) {
            u -= probability;
            x++;
            probability *= ratio * (n - x + 1) / x;
            if (probability == 0) {
                break;
            }
        }
        return x;
    }

    /**
     * A Poisson count of mean {@code mean}: exactly (inversion) below 12, else by the normal approximation with
     * continuity rounding, as for {@link #binomial}.
     */
    long poisson(double mean) {
        if (!(mean > 0)) {
            return 0;
        }
        if (mean >= EXACT_BELOW) {
            return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double probability = Math.exp(-mean);
        double u = random.nextDouble();
        long x = 0;
        while (u > probability) {
            u -= probability;
            x++;
            probability *= mean / x;
            if (probability == 0) {
                break;
            }
        }
        return x;
    }

    /** Rounds {@code x} to a neighbouring integer so that the expectation is {@code x}. */
    long roundRandomly(double x) {
        double floor = Math.floor(x);
        return (long) floor + (random.nextDouble() < x - floor ? 1 : 0);
    }
}
