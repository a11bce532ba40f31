package org.quotelab.domain.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Two-sample kernel test (Gretton et al., 2012) for input drift on sentence embeddings: the
 * unbiased squared maximum mean discrepancy with a Gaussian kernel whose bandwidth is the median
 * pairwise distance, and a permutation p-value.
 */
public final class MmdTest {

    /**
     * @param mmd2      unbiased MMD^2 between reference and current
     * @param pValue    share of label permutations with an MMD^2 at least as large (plus one)
     * @param bandwidth the kernel's sigma
     * @param witness   per current sample: mean kernel to current minus mean kernel to reference;
     *                  the highest values are the quotes that most explain the drift
     * @param auc       how well a kernel classifier (the witness function, fitted on one half of
     *                  each sample and scored on the other) tells current from reference samples:
     *                  0.5 without drift, 1 when the two never overlap
     * @param aucLow    its 95 % interval (Hanley and McNeil)
     */
    public record Result(double mmd2, double pValue, double bandwidth, double[] witness, double auc, double aucLow,
                         double aucHigh, int referenceSize, int currentSize) {

        public boolean drifted(double alpha) {
            return pValue < alpha;
        }

        /** The effect is the AUC above 0.5, with its interval. */
        public DriftTest toTest() {
            String detail = String.format(Locale.ROOT, "a kernel classifier tells new from reference quotes with AUC"
                    + " %.3f (0.5 = no difference), MMD^2 %.5f", auc, mmd2);
            return DriftTest.raw(DriftTest.Kind.INPUT, "MMD permutation", mmd2, pValue, auc - 0.5, aucLow - 0.5,
                    aucHigh - 0.5, referenceSize, currentSize, detail);
        }
    }

    private MmdTest() {
    }

    public static Result test(float[][] reference, float[][] current, int permutations, long seed) {
        int m = reference.length;
        int n = current.length;
        if (m < 2 || n < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 rows, got " + m + " and " + n);
        }
        float[][] z = new float[m + n][];
        System.arraycopy(reference, 0, z, 0, m);
        System.arraycopy(current, 0, z, m, n);
        double[][] d2 = squaredDistances(z);
        double sigma2 = medianOffDiagonal(d2);
        if (sigma2 <= 0) {
            sigma2 = 1.0;
        }
        int total = m + n;
        double[][] k = new double[total][total];
        for (int i = 0; i < total; i++) {
            for (int j = i; j < total; j++) {
                double v = Math.exp(-d2[i][j] / (2 * sigma2));
                k[i][j] = v;
                k[j][i] = v;
            }
        }
        int[] idx = new int[total];
        for (int i = 0; i < total; i++) {
            idx[i] = i;
        }
        double observed = mmd2(k, idx, m);
        SplittableRandom rnd = new SplittableRandom(seed);
        int atLeast = 0;
        for (int p = 0; p < permutations; p++) {
            for (int i = total - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = idx[i];
                idx[i] = idx[j];
                idx[j] = t;
            }
            if (mmd2(k, idx, m) >= observed) {
                atLeast++;
            }
        }
        double[] witness = new double[n];
        for (int c = 0; c < n; c++) {
            double toCur = 0;
            double toRef = 0;
            for (int j = 0; j < m; j++) {
                toRef += k[m + c][j];
            }
            for (int j = 0; j < n; j++) {
                if (j != c) {
                    toCur += k[m + c][m + j];
                }
            }
            witness[c] = toCur / (n - 1) - toRef / m;
        }
        double auc = crossFittedAuc(k, m, n, seed);
        double se = aucStandardError(auc, m, n);
        return new Result(observed, (1.0 + atLeast) / (1.0 + permutations), Math.sqrt(sigma2), witness, auc,
                Math.max(0, auc - ProportionIntervals.Z95 * se), Math.min(1, auc + ProportionIntervals.Z95 * se), m, n);
    }

    /**
     * A two-sample classifier test's effect without a second model: each half of the data is scored
     * by the witness function of the other half (mean kernel to current minus mean kernel to
     * reference), and the AUC of current against reference scores is averaged over the two halves.
     * Scoring out of the half keeps it near 0.5 when nothing changed.
     */
    private static double crossFittedAuc(double[][] k, int m, int n, long seed) {
        int[] fold = new int[m + n];
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        assignHalves(fold, 0, m, rnd);
        assignHalves(fold, m, n, rnd);
        double sum = 0;
        for (int f = 0; f < 2; f++) {
            List<Double> ref = new ArrayList<>();
            List<Double> cur = new ArrayList<>();
            for (int i = 0; i < m + n; i++) {
                if (fold[i] != f) {
                    continue;
                }
                double toCur = 0;
                double toRef = 0;
                int nc = 0;
                int nr = 0;
                for (int j = 0; j < m + n; j++) {
                    if (fold[j] == f) {
                        continue;
                    }
                    if (j < m) {
                        toRef += k[i][j];
                        nr++;
                    } else {
                        toCur += k[i][j];
                        nc++;
                    }
                }
                double score = toCur / Math.max(1, nc) - toRef / Math.max(1, nr);
                (i < m ? ref : cur).add(score);
            }
            sum += auc(ref, cur);
        }
        return sum / 2;
    }

    private static void assignHalves(int[] fold, int from, int count, SplittableRandom rnd) {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = from + i;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        for (int i = 0; i < count; i++) {
            fold[idx[i]] = i % 2;
        }
    }

    /** P(current score > reference score), ties counting half. */
    private static double auc(List<Double> ref, List<Double> cur) {
        if (ref.isEmpty() || cur.isEmpty()) {
            return 0.5;
        }
        double wins = 0;
        for (double c : cur) {
            for (double r : ref) {
                wins += c > r ? 1 : c == r ? 0.5 : 0;
            }
        }
        return wins / ((double) ref.size() * cur.size());
    }

    /** Hanley and McNeil (1982). */
    private static double aucStandardError(double a, int m, int n) {
        double q1 = a / (2 - a);
        double q2 = 2 * a * a / (1 + a);
        double v = (a * (1 - a) + (n - 1) * (q1 - a * a) + (m - 1) * (q2 - a * a)) / ((double) m * n);
        return Math.sqrt(Math.max(0, v));
    }

    /** Unbiased MMD^2 where the first m entries of idx form the first sample. */
    private static double mmd2(double[][] k, int[] idx, int m) {
        int total = idx.length;
        int n = total - m;
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int a = 0; a < total; a++) {
            double[] row = k[idx[a]];
            boolean aIsX = a < m;
            for (int b = a + 1; b < total; b++) {
                double v = row[idx[b]];
                boolean bIsX = b < m;
                if (aIsX && bIsX) {
                    xx += v;
                } else if (!aIsX && !bIsX) {
                    yy += v;
                } else {
                    xy += v;
                }
            }
        }
        return 2 * xx / ((double) m * (m - 1)) + 2 * yy / ((double) n * (n - 1)) - 2 * xy / ((double) m * n);
    }

    private static double[][] squaredDistances(float[][] z) {
        int t = z.length;
        double[][] d = new double[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                double s = 0;
                float[] a = z[i];
                float[] b = z[j];
                if (a.length != b.length) {
                    throw new IllegalArgumentException("rows " + i + " and " + j + " differ in dimension");
                }
                for (int c = 0; c < a.length; c++) {
                    double diff = a[c] - b[c];
                    s += diff * diff;
                }
                d[i][j] = s;
                d[j][i] = s;
            }
        }
        return d;
    }

    private static double medianOffDiagonal(double[][] d) {
        int t = d.length;
        double[] v = new double[t * (t - 1) / 2];
        int p = 0;
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                v[p++] = d[i][j];
            }
        }
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
