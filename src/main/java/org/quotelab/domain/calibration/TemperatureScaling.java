package org.quotelab.domain.calibration;

/**
 * Temperature scaling (Guo et al., 2017): one scalar T divides the logits so that softmax
 * confidences match observed accuracy on validation data. The argmax never changes.
 *
 * <p>Works from probabilities as well as logits: log p differs from the logits by a per-row
 * constant, which softmax ignores, so stored probabilities are enough to fit and apply T.
 */
public final class TemperatureScaling {

    private static final double MIN_LOG_T = Math.log(0.05);
    private static final double MAX_LOG_T = Math.log(20.0);
    private static final double PROB_FLOOR = 1e-12;

    private TemperatureScaling() {
    }

    /** The T in [0.05, 20] that minimises the negative log-likelihood of the true classes. */
    public static double fit(double[][] probabilities, int[] truth) {
        if (probabilities.length != truth.length) {
            throw new IllegalArgumentException(
                    probabilities.length + " probability rows but " + truth.length + " labels");
        }
        if (truth.length == 0) {
            return 1.0;
        }
        double[][] logs = logOf(probabilities);
        // NLL is convex in 1/T for fixed logits, hence unimodal in log T: golden-section search.
        double lo = MIN_LOG_T;
        double hi = MAX_LOG_T;
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = nll(logs, truth, Math.exp(a));
        double fb = nll(logs, truth, Math.exp(b));
        for (int i = 0; i < 80 && hi - lo > 1e-7; i++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(logs, truth, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(logs, truth, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /** Mean negative log-likelihood of the true classes after scaling by T. */
    public static double negativeLogLikelihood(double[][] probabilities, int[] truth, double temperature) {
        return nll(logOf(probabilities), truth, temperature);
    }

    /** Rescales one probability row by temperature T. */
    public static double[] apply(double[] probabilities, double temperature) {
        double[] out = new double[probabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.log(Math.max(probabilities[k], PROB_FLOOR)) / temperature;
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    public static double[][] apply(double[][] probabilities, double temperature) {
        double[][] out = new double[probabilities.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = apply(probabilities[i], temperature);
        }
        return out;
    }

    private static double[][] logOf(double[][] probabilities) {
        double[][] logs = new double[probabilities.length][];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = new double[probabilities[i].length];
            for (int k = 0; k < logs[i].length; k++) {
                logs[i][k] = Math.log(Math.max(probabilities[i][k], PROB_FLOOR));
            }
        }
        return logs;
    }

    private static double nll(double[][] logs, int[] truth, double t) {
        double total = 0;
        for (int i = 0; i < logs.length; i++) {
            double[] row = logs[i];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v / t);
            }
            double sum = 0;
            for (double v : row) {
                sum += Math.exp(v / t - max);
            }
            total -= row[truth[i]] / t - max - Math.log(sum);
        }
        return total / logs.length;
    }
}
