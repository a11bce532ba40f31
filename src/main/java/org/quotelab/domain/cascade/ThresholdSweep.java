package org.quotelab.domain.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.domain.metrics.ConfusionMatrix;

/**
 * Sweeps the stage-1 threshold over cached cascade scores.
 *
 * <p>Raising the threshold only ever moves quotes from "passed" to "rejected", so each quote is
 * bucketed once by the first threshold that rejects it and the counts are updated incrementally:
 * O(N log T + T K^2) instead of re-scoring N quotes at each of T thresholds. That keeps a slider
 * live over 100,000 quotes.
 */
public final class ThresholdSweep {

    private ThresholdSweep() {
    }

    /** Thresholds 0, 1/steps, ..., 1. */
    public static double[] grid(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        double[] t = new double[steps + 1];
        for (int i = 0; i <= steps; i++) {
            t[i] = (double) i / steps;
        }
        return t;
    }

    /**
     * Class-0 thresholds 1.00, 0.99, ..., 0.01. The first is the argmax rule; descending order
     * makes a recommendation prefer the milder filter when two points tie.
     */
    public static double[] class0Grid() {
        double[] g = new double[100];
        for (int i = 0; i < g.length; i++) {
            g[i] = (100 - i) / 100.0;
        }
        return g;
    }

    /** One point per stage-1 threshold with stage 2's argmax rule. */
    public static List<SweepPoint> run(CascadeScores s, double[] thresholds) {
        return run(s, thresholds, CascadeDecision.ARGMAX_ONLY);
    }

    /**
     * What {@code objective} recommends from the operating point {@code from}. The class-0 objective
     * keeps the stage-1 threshold and lowers the class-0 threshold only as far as the bound needs
     * ({@link ThresholdObjective#mildestClass0}); the others move the stage-1 threshold at the
     * current class-0 threshold.
     */
    public static Optional<SweepPoint> recommend(CascadeScores s, double[] thresholds, OperatingPoint from,
            ThresholdObjective objective, double bound) {
        if (objective == ThresholdObjective.MIN_CLASS0_RECALL) {
            List<SweepPoint> column = new ArrayList<>();
            for (double t0 : class0Grid()) {
                column.add(run(s, new double[] {from.threshold()}, t0).get(0));
            }
            return ThresholdObjective.mildestClass0(column, bound);
        }
        return objective.recommend(run(s, thresholds, from.class0Threshold()), bound);
    }

    /** One point per threshold; thresholds must be strictly increasing. */
    public static List<SweepPoint> run(CascadeScores s, double[] thresholds, double class0Threshold) {
        for (int j = 1; j < thresholds.length; j++) {
            if (!(thresholds[j] > thresholds[j - 1])) {
                throw new IllegalArgumentException("thresholds must increase; index " + j + " does not");
            }
        }
        int k = s.topicCount() + 1;
        int n = s.size();
        int[][] buckets = bucketByFirstRejectingThreshold(s.pInTopic(), thresholds);

        long[][] cm = new long[k][k];
        long[] support = new long[k];
        long passedOut = 0;
        long passedOutClass0 = 0;
        long passedClass0 = 0;
        for (int i = 0; i < n; i++) {
            int t = s.truth()[i];
            int p = s.stage2Class(i, class0Threshold);
            cm[t][p]++;
            support[t]++;
            if (t == 0) {
                passedOut++;
                if (p == 0) {
                    passedOutClass0++;
                }
            }
            if (p == 0) {
                passedClass0++;
            }
        }
        long totalIn = n - support[0];
        long passed = n;
        long passedIn = totalIn;
        long[] rejectedPerTopic = new long[k];

        List<SweepPoint> points = new ArrayList<>(thresholds.length);
        for (int j = 0; j < thresholds.length; j++) {
            for (int i : buckets[j]) {
                int t = s.truth()[i];
                int p = s.stage2Class(i, class0Threshold);
                cm[t][p]--;
                cm[t][0]++;
                passed--;
                rejectedPerTopic[t]++;
                if (t != 0) {
                    passedIn--;
                } else {
                    passedOut--;
                    if (p == 0) {
                        passedOutClass0--;
                    }
                }
                if (p == 0) {
                    passedClass0--;
                }
            }
            points.add(point(thresholds[j], class0Threshold, s, cm, support, totalIn, passed, passedIn, passedOut,
                    passedOutClass0, passedClass0, rejectedPerTopic));
        }
        return points;
    }

    /** bucket[j] holds the quotes with thresholds[j-1] <= p < thresholds[j]: first rejected at j. */
    private static int[][] bucketByFirstRejectingThreshold(double[] p, double[] thresholds) {
        int[] first = new int[p.length];
        int[] sizes = new int[thresholds.length + 1];
        for (int i = 0; i < p.length; i++) {
            // The first index j with thresholds[j] > p[i]; the quote passes every earlier threshold.
            int lo = 0;
            int hi = thresholds.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (thresholds[mid] > p[i]) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            first[i] = lo;
            sizes[lo]++;
        }
        int[][] buckets = new int[thresholds.length][];
        for (int j = 0; j < thresholds.length; j++) {
            buckets[j] = new int[sizes[j]];
        }
        int[] fill = new int[thresholds.length];
        for (int i = 0; i < p.length; i++) {
            int j = first[i];
            if (j < thresholds.length) {
                buckets[j][fill[j]++] = i;
            }
        }
        return buckets;
    }

    private static SweepPoint point(double threshold, double class0Threshold, CascadeScores s, long[][] cm, long[] support, long totalIn,
            long passed, long passedIn, long passedOut, long passedOutClass0, long passedClass0,
            long[] rejectedPerTopic) {
        int k = cm.length;
        long n = s.size();
        long rejectedOut = support[0] - passedOut;
        double precision = ratio(passedIn, passed);
        double recall = ratio(passedIn, totalIn);
        double accuracy = ratio(passedIn + rejectedOut, n);
        double macroF1 = 0;
        long correct = 0;
        for (int c = 0; c < k; c++) {
            long predicted = 0;
            for (int t = 0; t < k; t++) {
                predicted += cm[t][c];
            }
            correct += cm[c][c];
            macroF1 += f1(ratio(cm[c][c], predicted), ratio(cm[c][c], support[c]));
        }
        double[] lost = new double[k - 1];
        for (int c = 1; c < k; c++) {
            lost[c - 1] = ratio(rejectedPerTopic[c], support[c]);
        }
        return new SweepPoint(threshold, class0Threshold, precision, recall, f1(precision, recall), accuracy,
                ratio(passedOutClass0, passedOut), ratio(passedOutClass0, passedClass0),
                ratio(cm[0][0], support[0]), ratio(correct, n), macroF1 / k, lost, passed,
                (double) passed / s.days());
    }

    /** The full end-to-end report at one threshold, for the confusion matrix and per-class table. */
    public static ClassificationReport report(CascadeScores s, double threshold, double class0Threshold) {
        int[] predicted = new int[s.size()];
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = s.pInTopic()[i] < threshold ? 0 : s.stage2Class(i, class0Threshold);
        }
        return ClassificationReport.of(ConfusionMatrix.of(s.truth(), predicted, s.endToEndLabels()));
    }

    static double ratio(long a, long b) {
        return b == 0 ? 0.0 : (double) a / b;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
