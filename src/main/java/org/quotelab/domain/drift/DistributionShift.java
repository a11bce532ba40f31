package org.quotelab.domain.drift;

/**
 * Shift between two categorical distributions (predicted classes, labels): Jensen-Shannon
 * distance and the population stability index, with the usual 0.1 / 0.2 alert levels.
 */
public final class DistributionShift {

    /** Alert levels used by credit-risk PSI practice and by Evidently for JS distance. */
    public enum Level { NONE, MODERATE, SIGNIFICANT;

        public static Level of(double value) {
            return value >= 0.2 ? SIGNIFICANT : value >= 0.1 ? MODERATE : NONE;
        }
    }

    private static final double EPS = 1e-4;

    private DistributionShift() {
    }

    public static double[] proportions(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = total == 0 ? 0 : (double) counts[i] / total;
        }
        return p;
    }

    /** Jensen-Shannon distance with base-2 logarithms: 0 for equal distributions, 1 for disjoint ones. */
    public static double jensenShannonDistance(double[] p, double[] q) {
        check(p, q);
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            js += term(p[i], m) / 2 + term(q[i], m) / 2;
        }
        return Math.sqrt(Math.max(0, js));
    }

    /** PSI = sum (q - p) ln(q / p), with empty classes floored at 1e-4 so that it stays finite. */
    public static double populationStabilityIndex(double[] reference, double[] current) {
        check(reference, current);
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double p = Math.max(reference[i], EPS);
            double q = Math.max(current[i], EPS);
            psi += (q - p) * Math.log(q / p);
        }
        return psi;
    }

    private static double term(double a, double m) {
        return a == 0 ? 0 : a * Math.log(a / m) / Math.log(2);
    }

    private static void check(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions have " + p.length + " and " + q.length + " classes");
        }
    }
}
