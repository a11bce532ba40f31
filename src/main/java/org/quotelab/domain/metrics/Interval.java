package org.quotelab.domain.metrics;

import java.util.List;
import java.util.Locale;

/** A 95 % interval around a figure, both ends in the figure's own units. */
public record Interval(double lo, double hi) {

    /** What an interval is when nothing was counted: any value is possible. */
    public static final Interval UNKNOWN = new Interval(Double.NaN, Double.NaN);

    public boolean known() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    public double width() {
        return hi - lo;
    }

    /** For JSON: [lo, hi], or null ends when unknown. */
    public List<Double> asList() {
        return known() ? List.of(lo, hi) : java.util.Arrays.asList(null, null);
    }

    /** "[0.412, 0.598]" or "[-]". */
    public String format() {
        return known() ? String.format(Locale.ROOT, "[%.3f, %.3f]", lo, hi) : "[-]";
    }
}
