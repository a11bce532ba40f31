package org.quotelab.domain.drift;

import java.util.Arrays;

/**
 * Label-free views of a new batch's confidences: the estimated accuracy of confidence-based
 * performance estimation (the mean calibrated top-class probability) and a two-sample
 * Kolmogorov-Smirnov test of the confidences against the reference.
 */
public final class ConfidenceShift {

    /** @param statistic the largest gap between the two empirical CDFs */
    public record KsResult(double statistic, double pValue) {
    }

    private ConfidenceShift() {
    }

    /** Expected accuracy if the calibrated confidences are right (CBPE). */
    public static double estimatedAccuracy(double[] confidences) {
        double s = 0;
        for (double c : confidences) {
            s += c;
        }
        return confidences.length == 0 ? 0 : s / confidences.length;
    }

    public static KsResult kolmogorovSmirnov(double[] reference, double[] current) {
        if (reference.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("both samples need values");
        }
        double[] a = reference.clone();
        double[] b = current.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= v) {
                i++;
            }
            while (j < b.length && b[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        double ne = (double) a.length * b.length / (a.length + b.length);
        double lambda = (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * d;
        return new KsResult(d, kolmogorovTail(lambda));
    }

    /** Q_KS(lambda) = 2 sum (-1)^(k-1) exp(-2 k^2 lambda^2), as in Numerical Recipes. */
    private static double kolmogorovTail(double lambda) {
        if (lambda < 1e-3) {
            return 1.0;
        }
        double sum = 0;
        double sign = 1;
        for (int k = 1; k <= 100; k++) {
            double term = sign * Math.exp(-2.0 * k * k * lambda * lambda);
            sum += term;
            if (Math.abs(term) < 1e-10) {
                break;
            }
            sign = -sign;
        }
        return Math.max(0, Math.min(1, 2 * sum));
    }
}
