package org.quotelab.domain.drift;

/**
 * 95 % intervals for the proportions that drift estimates are: Wilson's score interval for one
 * proportion and Newcombe's hybrid score interval for the difference of two independent ones.
 */
public final class ProportionIntervals {

    public static final double Z95 = 1.959963984540054;

    /** A point estimate with its interval. */
    public record Interval(double estimate, double low, double high) {
    }

    private ProportionIntervals() {
    }

    /** Wilson score interval of k successes in n; [0, 1] when n = 0. */
    public static Interval wilson(long k, long n) {
        if (n <= 0) {
            return new Interval(Double.NaN, 0, 1);
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new Interval(p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Newcombe (1998, method 10): the interval of k2/n2 - k1/n1 from the two Wilson intervals. */
    public static Interval newcombeDifference(long k1, long n1, long k2, long n2) {
        Interval a = wilson(k1, n1);
        Interval b = wilson(k2, n2);
        double d = b.estimate() - a.estimate();
        double low = d - Math.sqrt(sq(b.estimate() - b.low()) + sq(a.high() - a.estimate()));
        double high = d + Math.sqrt(sq(b.high() - b.estimate()) + sq(a.estimate() - a.low()));
        return new Interval(d, low, high);
    }

    private static double sq(double v) {
        return v * v;
    }
}
