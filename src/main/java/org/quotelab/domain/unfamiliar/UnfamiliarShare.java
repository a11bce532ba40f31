package org.quotelab.domain.unfamiliar;

/**
 * The share of a batch's scored quotes flagged as unfamiliar, against the share the cut-off
 * expects of in-domain quotes ({@code 1 - quantile}), with a 95 % Wilson interval. The alert
 * fires only when the interval's lower bound is clearly above the expected share, so a small
 * batch with a few flagged quotes does not raise it.
 *
 * @param flagged  quotes above the cut-off
 * @param n        quotes with a known distance (versions without statistics give none)
 * @param expected the share expected of in-domain quotes, e.g. 0.05
 */
public record UnfamiliarShare(int flagged, int n, double expected) {

    /** How far above the expected share the lower bound must be: "clearly above", not just above. */
    public static final double MARGIN = 0.05;
    /** Fewer scored quotes than this never alert: the share of a handful of quotes says little. */
    public static final int MIN_QUOTES = 30;
    private static final double Z95 = 1.959963984540054;

    public UnfamiliarShare {
        if (flagged < 0 || flagged > n) {
            throw new IllegalArgumentException("flagged " + flagged + " of " + n);
        }
    }

    public double share() {
        return n == 0 ? Double.NaN : (double) flagged / n;
    }

    /** The 95 % Wilson score interval of the share; [NaN, NaN] without quotes. */
    public double[] interval() {
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p = share();
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * True when even the interval's lower bound is more than {@link #MARGIN} above the expected
     * share, on at least {@link #MIN_QUOTES} quotes.
     */
    public boolean alert() {
        return n >= MIN_QUOTES && interval()[0] > expected + MARGIN;
    }

    /** One line for the user: share, n, interval and what it is compared with. */
    public String describe() {
        if (n == 0) {
            return "unfamiliar quotes: unknown (the model has no feature statistics)";
        }
        double[] ci = interval();
        return String.format(java.util.Locale.ROOT, "%d of %d quotes unfamiliar (%.1f %%, 95 %% CI %.1f-%.1f %%;"
                + " expected about %.0f %%)", flagged, n, 100 * share(), 100 * ci[0], 100 * ci[1], 100 * expected);
    }
}
