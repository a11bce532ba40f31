package org.quotelab.domain.agreement;

import java.util.ArrayList;
import java.util.List;
import org.quotelab.domain.metrics.Bootstrap;

/**
 * Krippendorff's alpha for nominal values, any number of annotators and missing labels
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011): alpha = 1 - D_o / D_e from
 * the coincidence matrix, where a quote with m labels adds 1 / (m - 1) for each ordered pair of
 * them. Only quotes with two or more labels are pairable. The interval is a bootstrap over
 * quotes (units), which resamples whole quotes with all their labels.
 */
public final class KrippendorffAlpha {

    private KrippendorffAlpha() {
    }

    /** A pairable quote: its labels counted per class, and its share of o_cc (labels agreeing). */
    private record Unit(int m, double agree, int[] classes, int[] counts) {
    }

    /**
     * {@code units}: per quote, the class (an index into {@code names}) of each of its labels, one
     * per annotator who labelled it; quotes with fewer than two labels are skipped.
     */
    public static AgreementFigure nominal(List<int[]> units, List<String> names, Bootstrap bootstrap) {
        List<Unit> pairable = new ArrayList<>();
        for (int[] u : units) {
            if (u.length >= 2) {
                pairable.add(unit(u, names.size()));
            }
        }
        int k = names.size();
        long values = pairable.stream().mapToLong(Unit::m).sum();
        if (pairable.isEmpty()) {
            return AgreementFigure.none(0, 0, "no quote has labels from two or more annotators");
        }
        int[] all = new int[pairable.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[] byClass = new double[k];
        double alpha = alpha(pairable, all, byClass);
        if (Double.isNaN(alpha)) {
            int only = 0;
            while (byClass[only] == 0) {
                only++;
            }
            return AgreementFigure.none(pairable.size(), values, "every label on quotes with two or more annotators is '"
                    + names.get(only) + "': agreement beyond chance cannot be measured");
        }
        double[] scratch = new double[k];
        return AgreementFigure.of(alpha, pairable.size(), values,
                bootstrap.interval(pairable.size(), drawn -> alpha(pairable, drawn, scratch)));
    }

    private static Unit unit(int[] labels, int k) {
        int[] perClass = new int[k];
        for (int c : labels) {
            perClass[c]++;
        }
        int present = 0;
        for (int n : perClass) {
            present += n > 0 ? 1 : 0;
        }
        int[] classes = new int[present];
        int[] counts = new int[present];
        double agree = 0;
        int at = 0;
        for (int c = 0; c < k; c++) {
            if (perClass[c] > 0) {
                classes[at] = c;
                counts[at++] = perClass[c];
                agree += perClass[c] * (perClass[c] - 1.0);
            }
        }
        return new Unit(labels.length, agree / (labels.length - 1), classes, counts);
    }

    /**
     * alpha = 1 - (n - 1) (n - sum o_cc) / (n^2 - sum n_c^2) over the drawn units; NaN when every
     * label is one class (no disagreement is expected, so none can be measured against it).
     */
    private static double alpha(List<Unit> units, int[] drawn, double[] byClass) {
        java.util.Arrays.fill(byClass, 0);
        double n = 0;
        double agree = 0;
        for (int i : drawn) {
            Unit u = units.get(i);
            n += u.m();
            agree += u.agree();
            for (int j = 0; j < u.classes().length; j++) {
                byClass[u.classes()[j]] += u.counts()[j];
            }
        }
        double squares = 0;
        for (double nc : byClass) {
            squares += nc * nc;
        }
        double expected = n * n - squares;
        if (expected <= 0) {
            return Double.NaN;
        }
        return 1 - (n - 1) * (n - agree) / expected;
    }
}
