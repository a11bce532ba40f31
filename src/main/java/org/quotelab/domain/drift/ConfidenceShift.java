package org.quotelab.domain.drift;

import java.util.Arrays;
import java.util.Locale;

/**
 * Label-free views of a new batch's confidences: the estimated accuracy of confidence-based
 * performance estimation (the mean calibrated top-class probability) and a two-sample
 * Kolmogorov-Smirnov test of the confidences against the reference.
 */
public final class ConfidenceShift {

    /** @param statistic the largest gap between the two empirical CDFs */
    public record KsResult(double statistic, double pValue, int referenceSize, int currentSize) {

        /** The KS distance is the effect; no interval is given for it. */
        public DriftTest toTest() {
            return DriftTest.raw(DriftTest.Kind.CONFIDENCE, "Kolmogorov-Smirnov", statistic, pValue, statistic, Double.NaN,
                    Double.NaN, referenceSize, currentSize, "");
        }
    }

    /**
     * The fall of the mean calibrated confidence (the CBPE accuracy estimate) from reference to
     * current, with a 95 % normal interval and a one-sided Welch z-test for a fall.
     */
    public record MeanFall(double reference, double current, double fall, double low, double high, double z,
                           double pValue, int referenceSize, int currentSize) {

        public DriftTest toTest() {
            return DriftTest.raw(DriftTest.Kind.ESTIMATED_ACCURACY, "one-sided Welch z", z, pValue, fall, low, high,
                    referenceSize, currentSize, String.format(Locale.ROOT, "estimated accuracy %.3f -> %.3f", reference,
                            current));
        }
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

    public static MeanFall meanFall(double[] reference, double[] current) {
        if (reference.length < 2 || current.length < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 values");
        }
        double mr = estimatedAccuracy(reference);
        double mc = estimatedAccuracy(current);
        double se = Math.sqrt(variance(reference, mr) / reference.length + variance(current, mc) / current.length);
        double fall = mr - mc;
        double z = se > 0 ? fall / se : 0;
        double p = se > 0 ? 1 - Distributions.normalCdf(z) : fall > 0 ? 0 : 1;
        double half = ProportionIntervals.Z95 * se;
        return new MeanFall(mr, mc, fall, fall - half, fall + half, z, p, reference.length, current.length);
    }

    private static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
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
        return new KsResult(d, kolmogorovTail(lambda), a.length, b.length);
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
