package org.quotelab.domain.agreement;

import org.quotelab.domain.metrics.Bootstrap;

/**
 * Cohen's kappa of two annotators on the quotes both labelled: (p_o - p_e) / (1 - p_e), with p_e
 * from each annotator's own class shares. The interval is a bootstrap over those quotes.
 */
public final class CohenKappa {

    private CohenKappa() {
    }

    /**
     * {@code a[i]} and {@code b[i]}: the two annotators' classes (below {@code classes}) of the
     * i-th quote both labelled. {@code who}: "ann and bob", for the reason when there is no figure.
     */
    public static AgreementFigure of(int[] a, int[] b, int classes, String who, Bootstrap bootstrap) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " labels against " + b.length);
        }
        int n = a.length;
        if (n == 0) {
            return AgreementFigure.none(0, 0, who + " labelled no quote in common");
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        long[] rows = new long[classes];
        long[] cols = new long[classes];
        double kappa = kappa(a, b, all, rows, cols);
        if (Double.isNaN(kappa)) {
            return AgreementFigure.none(n, 2L * n, who + " gave every quote they share one and the same class:"
                    + " agreement beyond chance cannot be measured");
        }
        return AgreementFigure.of(kappa, n, 2L * n, bootstrap.interval(n, drawn -> kappa(a, b, drawn, rows, cols)));
    }

    /** Kappa over the drawn quotes; NaN when chance agreement is certain (p_e = 1). */
    private static double kappa(int[] a, int[] b, int[] drawn, long[] rows, long[] cols) {
        java.util.Arrays.fill(rows, 0);
        java.util.Arrays.fill(cols, 0);
        long same = 0;
        for (int i : drawn) {
            rows[a[i]]++;
            cols[b[i]]++;
            same += a[i] == b[i] ? 1 : 0;
        }
        double n = drawn.length;
        double chance = 0;
        for (int c = 0; c < rows.length; c++) {
            chance += (rows[c] / n) * (cols[c] / n);
        }
        if (chance >= 1 - 1e-12) {
            return Double.NaN;
        }
        return (same / n - chance) / (1 - chance);
    }
}
