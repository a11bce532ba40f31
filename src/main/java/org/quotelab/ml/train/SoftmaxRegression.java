package org.quotelab.ml.train;

import java.util.Random;

/**
 * Multinomial logistic regression fitted by full-batch Adam on standardised features, with an L2
 * penalty and inverse-frequency class weights. The result is expressed on the raw features
 * (standardisation folded into the weights), so it can replace a Linear head directly.
 *
 * @param weights [classes][features], as a Linear layer's weight
 * @param bias    [classes]
 */
public record SoftmaxRegression(float[][] weights, float[] bias) {

    /** Iterations of full-batch Adam: enough for a few thousand quotes of 384 features to settle. */
    public static final int ITERATIONS = 250;

    /** Logits of one feature row. */
    public double[] logits(float[] x) {
        double[] z = new double[bias.length];
        for (int c = 0; c < bias.length; c++) {
            double s = bias[c];
            for (int j = 0; j < x.length; j++) {
                s += weights[c][j] * x[j];
            }
            z[c] = s;
        }
        return z;
    }

    /**
     * Fits {@code y} (class indexes in [0, classes)) from {@code x}.
     *
     * @param l2        penalty on the standardised weights (not on the bias)
     * @param cancelled checked every iteration; throws {@link TrainingCancelledException}
     */
    public static SoftmaxRegression fit(float[][] x, int[] y, int classes, double l2, long seed,
                                        java.util.function.BooleanSupplier cancelled) {
        int n = x.length;
        if (n == 0 || n != y.length) {
            throw new IllegalArgumentException("need as many labels as feature rows, at least one: " + n + " / " + y.length);
        }
        int d = x[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (float[] row : x) {
            for (int j = 0; j < d; j++) {
                double v = row[j] - mean[j];
                std[j] += v * v;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = Math.max(Math.sqrt(std[j] / n), 1e-6);
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / std[j];
            }
        }
        double[] weightOf = classWeights(y, classes);
        double[][] w = new double[classes][d];
        Random r = new Random(seed);
        for (double[] row : w) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian() * 0.01;
            }
        }
        double[] b = new double[classes];
        Adam adam = new Adam(classes * (d + 1));
        double[] grad = new double[classes * (d + 1)];
        double[] p = new double[classes];
        for (int it = 0; it < ITERATIONS; it++) {
            if (cancelled.getAsBoolean()) {
                throw new TrainingCancelledException(it);
            }
            java.util.Arrays.fill(grad, 0);
            double total = 0;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    double s = b[c];
                    double[] wc = w[c];
                    double[] zi = z[i];
                    for (int j = 0; j < d; j++) {
                        s += wc[j] * zi[j];
                    }
                    p[c] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    p[c] = Math.exp(p[c] - max);
                    sum += p[c];
                }
                double wi = weightOf[y[i]];
                total += wi;
                for (int c = 0; c < classes; c++) {
                    double g = wi * (p[c] / sum - (c == y[i] ? 1 : 0));
                    int o = c * (d + 1);
                    for (int j = 0; j < d; j++) {
                        grad[o + j] += g * z[i][j];
                    }
                    grad[o + d] += g;
                }
            }
            for (int c = 0; c < classes; c++) {
                int o = c * (d + 1);
                for (int j = 0; j < d; j++) {
                    grad[o + j] = grad[o + j] / total + l2 * w[c][j];
                }
                grad[o + d] /= total;
            }
            adam.step(grad, w, b, d);
        }
        // back to raw features: w.(x - m)/s + b = (w/s).x + (b - sum w m / s)
        float[][] rawW = new float[classes][d];
        float[] rawB = new float[classes];
        for (int c = 0; c < classes; c++) {
            double shift = b[c];
            for (int j = 0; j < d; j++) {
                rawW[c][j] = (float) (w[c][j] / std[j]);
                shift -= w[c][j] * mean[j] / std[j];
            }
            rawB[c] = (float) shift;
        }
        return new SoftmaxRegression(rawW, rawB);
    }

    /** Inverse frequency, normalised so that the weights average one over the examples. */
    static double[] classWeights(int[] y, int classes) {
        double[] count = new double[classes];
        for (int v : y) {
            count[v]++;
        }
        double[] w = new double[classes];
        int present = 0;
        for (double c : count) {
            present += c > 0 ? 1 : 0;
        }
        for (int c = 0; c < classes; c++) {
            w[c] = count[c] == 0 ? 0 : y.length / (present * count[c]);
        }
        return w;
    }

    /** Plain Adam over the flattened (weights, bias) of every class. */
    private static final class Adam {
        private static final double LR = 0.05;
        private static final double B1 = 0.9;
        private static final double B2 = 0.999;
        private final double[] m;
        private final double[] v;
        private int t;

        Adam(int size) {
            m = new double[size];
            v = new double[size];
        }

        void step(double[] grad, double[][] w, double[] b, int d) {
            t++;
            double c1 = 1 - Math.pow(B1, t);
            double c2 = 1 - Math.pow(B2, t);
            for (int k = 0; k < grad.length; k++) {
                m[k] = B1 * m[k] + (1 - B1) * grad[k];
                v[k] = B2 * v[k] + (1 - B2) * grad[k] * grad[k];
                double delta = LR * (m[k] / c1) / (Math.sqrt(v[k] / c2) + 1e-8);
                int c = k / (d + 1);
                int j = k % (d + 1);
                if (j == d) {
                    b[c] -= delta;
                } else {
                    w[c][j] -= delta;
                }
            }
        }
    }
}
