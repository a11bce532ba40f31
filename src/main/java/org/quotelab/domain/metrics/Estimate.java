package org.quotelab.domain.metrics;

import java.util.Locale;

/**
 * A figure with the number of quotes it rests on and its 95 % interval. Below {@link #MIN_SUPPORT}
 * quotes a figure is shown greyed out: the interval is too wide to act on.
 */
public record Estimate(double value, long n, Interval ci) {

    /** The support under which a figure is flagged as too thin to act on. */
    public static final int MIN_SUPPORT = 30;

    public static Estimate proportion(long successes, long n) {
        return new Estimate(n == 0 ? 0.0 : (double) successes / n, n, Wilson.interval(successes, n));
    }

    public boolean enough() {
        return n >= MIN_SUPPORT;
    }

    /** Why a figure is greyed out, or empty when it is not. */
    public String warning() {
        return enough() ? "" : "only " + n + " quote" + (n == 1 ? "" : "s") + " (fewer than " + MIN_SUPPORT
                + "): too few to rely on";
    }

    /** "0.812 [0.771, 0.848], n = 412". */
    public String format() {
        return String.format(Locale.ROOT, "%.3f %s, n = %d", value, ci.format(), n);
    }
}
