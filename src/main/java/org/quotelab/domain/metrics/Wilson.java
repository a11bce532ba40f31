package org.quotelab.domain.metrics;

/**
 * The Wilson score interval of a proportion: unlike the normal approximation it stays inside
 * [0, 1] and keeps a sensible width at 0 of n and n of n, where small supports live.
 */
public final class Wilson {

    /** The two-sided 95 % normal quantile. */
    public static final double Z95 = 1.959963984540054;

    private Wilson() {
    }

    /** The 95 % interval of {@code successes} out of {@code n}; unknown when n is 0. */
    public static Interval interval(long successes, long n) {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return Interval.UNKNOWN;
        }
        double z2 = Z95 * Z95;
        double p = (double) successes / n;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        // at 0 of n and n of n the open end is exact; the formula leaves a rounding crumb there
        return new Interval(successes == 0 ? 0 : Math.max(0, centre - half), successes == n ? 1 : Math.min(1, centre + half));
    }

    /** The interval of a proportion given as a ratio over {@code n} (the count is rounded back). */
    public static Interval ofRatio(double ratio, long n) {
        return interval(Math.max(0, Math.min(n, Math.round(ratio * n))), n);
    }
}
