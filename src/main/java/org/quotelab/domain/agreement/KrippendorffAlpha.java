package org.quotelab.domain.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.quotelab.domain.metrics.Bootstrap;
import org.quotelab.domain.metrics.Interval;

/**
 * Krippendorff's alpha for nominal values, any number of annotators and missing labels
 * (Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011): alpha = 1 - D_o / D_e from
 * the coincidence matrix, where a quote with m labels adds 1 / (m - 1) for each ordered pair of
 * them. Only quotes with two or more labels are pairable. The interval is a bootstrap over
 * quotes (units), which resamples whole quotes with all their labels.
 *
 * <p>Per class (that class against all others) the same sums give every class's alpha, so one
 * pass over each resample yields all of them: a quote with k of its m labels in class c has
 * k(k-1) + (m-k)(m-k-1) agreeing ordered pairs (over m - 1) in the two-class view.
 */
public final class KrippendorffAlpha {

    /** Alpha over all classes and each class against the rest (in the order of the names). */
    public record Result(AgreementFigure overall, List<AgreementFigure> perClass) {
        public Result {
            perClass = List.copyOf(perClass);
        }
    }

    private KrippendorffAlpha() {
    }

    /** Alpha over all classes; see {@link #withClasses}. */
    public static AgreementFigure nominal(List<int[]> units, List<String> names, Bootstrap bootstrap) {
        return compute(units, names, bootstrap, false).overall();
    }

    /**
     * {@code units}: per quote, the class (an index into {@code names}) of each of its labels, one
     * per annotator who labelled it; quotes with fewer than two labels are skipped.
     */
    public static Result withClasses(List<int[]> units, List<String> names, Bootstrap bootstrap) {
        return compute(units, names, bootstrap, true);
    }

    private static Result compute(List<int[]> units, List<String> names, Bootstrap bootstrap, boolean perClass) {
        int k = names.size();
        Pairable p = new Pairable(units, k);
        int classes = perClass ? k : 0;
        if (p.size == 0) {
            AgreementFigure none = AgreementFigure.none(0, 0, "no quote has labels from two or more annotators");
            return new Result(none, java.util.Collections.nCopies(classes, none));
        }
        int[] all = new int[p.size];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Sums sums = new Sums(k);
        double[] point = new double[1 + classes];
        p.alphas(all, sums, point);
        Interval[] ci = bootstrap.intervals(p.size, 1 + classes, (drawn, out) -> p.alphas(drawn, new Sums(k), out));
        AgreementFigure overall;
        if (Double.isNaN(point[0])) {
            overall = AgreementFigure.none(p.size, p.values, "every label on quotes with two or more annotators is '"
                    + names.get(sums.onlyClass()) + "': agreement beyond chance cannot be measured");
        } else {
            overall = AgreementFigure.of(point[0], p.size, p.values, ci[0]);
        }
        List<AgreementFigure> each = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            String name = names.get(c);
            each.add(!Double.isNaN(point[1 + c]) ? AgreementFigure.of(point[1 + c], p.size, p.values, ci[1 + c])
                    : sums.byClass[c] == 0 ? AgreementFigure.none(p.size, p.values, "no quote with two or more"
                            + " annotators has a label '" + name + "'")
                    : AgreementFigure.none(p.size, p.values, "every label on quotes with two or more annotators is '"
                            + name + "': agreement beyond chance cannot be measured"));
        }
        return new Result(overall, each);
    }

    /** The sums of one draw: labels per class and, per class, the two-class agreement beyond m per quote. */
    private static final class Sums {
        final double[] byClass;
        final double[] classDelta;

        Sums(int k) {
            byClass = new double[k];
            classDelta = new double[k];
        }

        int onlyClass() {
            int c = 0;
            while (byClass[c] == 0) {
                c++;
            }
            return c;
        }
    }

    /** The pairable quotes as flat arrays: labels, agreeing pairs, and per class present its count. */
    private static final class Pairable {
        final int size;
        final long values;
        final int[] m;
        final double[] agree;
        final int[] start;
        final int[] cls;
        final int[] cnt;
        final double[] delta;

        Pairable(List<int[]> units, int k) {
            List<int[]> kept = units.stream().filter(u -> u.length >= 2).toList();
            size = kept.size();
            m = new int[size];
            agree = new double[size];
            start = new int[size + 1];
            int entries = 0;
            for (int[] u : kept) {
                entries += (int) Arrays.stream(u).distinct().count();
            }
            cls = new int[entries];
            cnt = new int[entries];
            delta = new double[entries];
            int[] perClass = new int[k];
            int at = 0;
            long labels = 0;
            for (int i = 0; i < size; i++) {
                int[] u = kept.get(i);
                Arrays.fill(perClass, 0);
                for (int c : u) {
                    perClass[c]++;
                }
                int mu = u.length;
                labels += mu;
                m[i] = mu;
                start[i] = at;
                double same = 0;
                for (int c = 0; c < k; c++) {
                    int n = perClass[c];
                    if (n > 0) {
                        cls[at] = c;
                        cnt[at] = n;
                        same += n * (n - 1.0);
                        delta[at] = (n * (n - 1.0) + (mu - n) * (mu - n - 1.0)) / (mu - 1) - mu;
                        at++;
                    }
                }
                agree[i] = same / (mu - 1);
            }
            start[size] = at;
            values = labels;
        }

        /**
         * alpha = 1 - (n - 1) (n - sum o_cc) / (n^2 - sum n_c^2) over the drawn quotes into out[0],
         * and each class against the rest into out[1 + c] when out has room; NaN when the labels
         * are all one class (no disagreement is expected, so none can be measured against it).
         */
        void alphas(int[] drawn, Sums s, double[] out) {
            double n = 0;
            double same = 0;
            boolean classes = out.length > 1;
            for (int i : drawn) {
                n += m[i];
                same += agree[i];
                for (int e = start[i]; e < start[i + 1]; e++) {
                    s.byClass[cls[e]] += cnt[e];
                    if (classes) {
                        s.classDelta[cls[e]] += delta[e];
                    }
                }
            }
            double squares = 0;
            for (double nc : s.byClass) {
                squares += nc * nc;
            }
            double expected = n * n - squares;
            out[0] = expected <= 0 ? Double.NaN : 1 - (n - 1) * (n - same) / expected;
            for (int c = 0; c + 1 < out.length; c++) {
                double in = s.byClass[c];
                double pairs = 2 * in * (n - in);
                // two-class agreement = n + sum of deltas, so disagreement = -sum of deltas
                out[1 + c] = pairs <= 0 ? Double.NaN : 1 - (n - 1) * (-s.classDelta[c]) / pairs;
            }
        }
    }
}
