package org.quotelab.domain.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Percentile bootstrap over quotes for figures that are not a single proportion (F1, macro-F1):
 * the quotes are drawn with replacement, the confusion matrix is counted again and the figure
 * recomputed; the 2.5th and 97.5th percentiles of those resamples bound it. Seeded, so the same
 * quotes give the same interval on every run and every screen.
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 1000;
    public static final long DEFAULT_SEED = 20240611L;

    private final int resamples;
    private final long seed;

    public Bootstrap(int resamples, long seed) {
        if (resamples < 10) {
            throw new IllegalArgumentException("a bootstrap needs at least 10 resamples, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    public static Bootstrap standard() {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    /** Per-class F1 intervals (index c), the macro-F1 and the weighted-F1 interval, all from the same resamples. */
    public record F1Intervals(Interval[] perClass, Interval macro, Interval weighted) {
    }

    /**
     * F1 of every class and macro-F1 over {@code classes} classes, truth and prediction in
     * [0, classes). A class absent from the quotes counts 0 in the macro average, as in the
     * figure itself (scikit-learn's convention). Weighted F1 weighs each class's F1 by its support in
     * the resample, as {@link ClassificationReport}'s weighted average does.
     */
    public F1Intervals f1(int[] truth, int[] predicted, int classes) {
        int n = truth.length;
        if (predicted.length != n) {
            throw new IllegalArgumentException(n + " true classes but " + predicted.length + " predictions");
        }
        if (n == 0) {
            Interval[] none = new Interval[classes];
            Arrays.fill(none, Interval.UNKNOWN);
            return new F1Intervals(none, Interval.UNKNOWN, Interval.UNKNOWN);
        }
        boolean[] present = new boolean[classes];
        for (int i = 0; i < n; i++) {
            present[truth[i]] = true;
            present[predicted[i]] = true;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] f1 = new double[classes][resamples];
        double[] macro = new double[resamples];
        double[] weighted = new double[resamples];
        long[] tp = new long[classes];
        long[] support = new long[classes];
        long[] called = new long[classes];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(tp, 0);
            Arrays.fill(support, 0);
            Arrays.fill(called, 0);
            for (int d = 0; d < n; d++) {
                int i = rnd.nextInt(n);
                int t = truth[i];
                int p = predicted[i];
                support[t]++;
                called[p]++;
                if (t == p) {
                    tp[t]++;
                }
            }
            double sum = 0;
            double bySupport = 0;
            int counted = classes;
            for (int c = 0; c < classes; c++) {
                if (present[c] && support[c] == 0 && called[c] == 0) {
                    // a class the resample happened to miss has no F1: leave it out rather than count 0
                    f1[c][b] = Double.NaN;
                    counted--;
                    continue;
                }
                double f = ClassMetrics.f1(ClassMetrics.ratio(tp[c], called[c]), ClassMetrics.ratio(tp[c], support[c]));
                f1[c][b] = f;
                sum += f;
                bySupport += f * support[c];
            }
            macro[b] = counted == 0 ? Double.NaN : sum / counted;
            weighted[b] = bySupport / n;
        }
        Interval[] perClass = new Interval[classes];
        for (int c = 0; c < classes; c++) {
            perClass[c] = percentile(f1[c]);
        }
        return new F1Intervals(perClass, percentile(macro), percentile(weighted));
    }

    /**
     * The interval of any figure computed from {@code units} quotes: each resample hands
     * {@code figure} the indices of the quotes drawn (with replacement, {@code units} of them), and
     * a resample whose figure is NaN (undefined on that draw) is left out.
     */
    public Interval interval(int units, ToDoubleFunction<int[]> figure) {
        return intervals(units, 1, (drawn, out) -> out[0] = figure.applyAsDouble(drawn))[0];
    }

    /**
     * As {@link #interval}, for {@code figures} figures computed together from the same draws:
     * {@code figure} writes each one into {@code out[f]} (NaN = undefined on that draw).
     */
    public Interval[] intervals(int units, int figures, BiConsumer<int[], double[]> figure) {
        Interval[] result = new Interval[figures];
        if (units == 0) {
            Arrays.fill(result, Interval.UNKNOWN);
            return result;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] values = new double[figures][resamples];
        double[] out = new double[figures];
        int[] drawn = new int[units];
        for (int b = 0; b < resamples; b++) {
            for (int d = 0; d < units; d++) {
                drawn[d] = rnd.nextInt(units);
            }
            Arrays.fill(out, Double.NaN);
            figure.accept(drawn, out);
            for (int f = 0; f < figures; f++) {
                values[f][b] = out[f];
            }
        }
        for (int f = 0; f < figures; f++) {
            result[f] = percentile(values[f]);
        }
        return result;
    }

    /** The 2.5th and 97.5th percentiles (nearest rank) of the resampled values. */
    static Interval percentile(double[] values) {
        double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return Interval.UNKNOWN;
        }
        int lo = (int) Math.floor(0.025 * (v.length - 1));
        int hi = (int) Math.ceil(0.975 * (v.length - 1));
        return new Interval(v[lo], v[hi]);
    }
}
