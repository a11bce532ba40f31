package org.quotelab.domain.drift;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values for the several tests a batch runs, so that running more tests does not raise
 * more alarms. Holm's step-down keeps the chance of any false alarm per batch below alpha under any
 * dependence between the tests; Benjamini-Hochberg keeps the expected share of false alarms among
 * the alarms below alpha (valid for independent or positively dependent tests).
 */
public final class MultipleTesting {

    /** How the p-values of one family are adjusted. */
    public enum Method { HOLM, BENJAMINI_HOCHBERG, NONE;

        public double[] adjust(double[] p) {
            return switch (this) {
                case HOLM -> holm(p);
                case BENJAMINI_HOCHBERG -> benjaminiHochberg(p);
                case NONE -> p.clone();
            };
        }
    }

    private MultipleTesting() {
    }

    /** Holm (1979): the i-th smallest p times (m - i + 1), made monotone and capped at 1; input order kept. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = ascending(p);
        double[] out = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, Math.min(1, (m - i) * p[order[i]]));
            out[order[i]] = running;
        }
        return out;
    }

    /** Benjamini and Hochberg (1995): the i-th smallest p times m / i, made monotone from the top, capped at 1. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = ascending(p);
        double[] out = new double[m];
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            running = Math.min(running, Math.min(1, p[order[i]] * m / (i + 1)));
            out[order[i]] = running;
        }
        return out;
    }

    private static Integer[] ascending(double[] p) {
        for (double v : p) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("p-values must lie in [0, 1], got " + Arrays.toString(p));
            }
        }
        return IntStream.range(0, p.length).boxed().sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
    }
}
