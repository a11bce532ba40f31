package org.quotelab.domain.drift;

import java.util.Arrays;
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
     */
    public record Result(double mmd2, double pValue, double bandwidth, double[] witness) {

        public boolean drifted(double alpha) {
            return pValue < alpha;
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
        return new Result(observed, (1.0 + atLeast) / (1.0 + permutations), Math.sqrt(sigma2), witness);
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
