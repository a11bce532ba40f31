package org.quotelab.domain.unfamiliar;

import java.util.Arrays;

/**
 * Where a model's training quotes lie in its feature space, and how far is too far: the mean and
 * the precision (inverse Ledoit-Wolf covariance) of the training quotes' features, and a cut-off
 * on the Mahalanobis distance taken at a quantile of held-out quotes' distances. A quote whose
 * distance exceeds the cut-off is "unfamiliar": about {@code 1 - quantile} of new in-domain quotes
 * are, and text unlike the training quotes mostly is.
 *
 * @param mean       feature means of the fitted quotes
 * @param precision  inverse of the shrunk covariance, p x p
 * @param cutoff     distances above it are flagged
 * @param quantile   the held-out quantile the cut-off was taken at, e.g. 0.95
 * @param fitted     quotes the mean and covariance come from
 * @param heldOut    quotes the cut-off comes from (not used in the fit)
 * @param shrinkage  Ledoit-Wolf weight of the identity target, in [0, 1]
 */
public record FeatureStatistics(double[] mean, double[][] precision, double cutoff, double quantile, int fitted,
                                int heldOut, double shrinkage) {

    /** The share of in-domain held-out quotes left above the cut-off, unless a caller says otherwise. */
    public static final double DEFAULT_QUANTILE = 0.95;

    public FeatureStatistics {
        if (precision.length != mean.length) {
            throw new IllegalArgumentException("precision is " + precision.length + " x ?, mean has " + mean.length);
        }
        if (!(quantile > 0 && quantile < 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1), got " + quantile);
        }
    }

    /**
     * Fits mean and shrunk covariance on {@code fit} and takes the cut-off at {@code quantile} of
     * the distances of {@code heldOut}, rows the model and the fit never saw.
     */
    public static FeatureStatistics fit(double[][] fit, double[][] heldOut, double quantile) {
        if (heldOut.length == 0) {
            throw new IllegalArgumentException("need held-out quotes to calibrate the cut-off");
        }
        FeatureStatistics uncalibrated = uncalibrated(fit, heldOut.length, quantile);
        double[] d = new double[heldOut.length];
        for (int i = 0; i < heldOut.length; i++) {
            d[i] = uncalibrated.distance(heldOut[i]);
        }
        return uncalibrated.withCutoff(quantile(d, quantile));
    }

    /**
     * Fits mean and shrunk covariance on {@code fit} and takes the cut-off at {@code quantile} of
     * distances measured elsewhere: each out-of-fold quote's distance under the statistics of a
     * model that did not train on it. A model trained on every quote has no unseen quote of its
     * own, and its training quotes lie closer to their mean than new ones do.
     */
    public static FeatureStatistics fitWithDistances(double[][] fit, double[] heldOutDistances, double quantile) {
        if (heldOutDistances.length == 0) {
            throw new IllegalArgumentException("need held-out distances to calibrate the cut-off");
        }
        return uncalibrated(fit, heldOutDistances.length, quantile).withCutoff(quantile(heldOutDistances, quantile));
    }

    private FeatureStatistics withCutoff(double value) {
        return new FeatureStatistics(mean, precision, value, quantile, fitted, heldOut, shrinkage);
    }

    private static FeatureStatistics uncalibrated(double[][] fit, int heldOut, double quantile) {
        if (fit.length < 2) {
            throw new IllegalArgumentException("need at least 2 quotes to fit feature statistics, got " + fit.length);
        }
        int p = fit[0].length;
        double[] mean = new double[p];
        for (double[] x : fit) {
            for (int j = 0; j < p; j++) {
                mean[j] += x[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= fit.length;
        }
        double[][] centred = new double[fit.length][];
        for (int i = 0; i < fit.length; i++) {
            centred[i] = new double[p];
            for (int j = 0; j < p; j++) {
                centred[i][j] = fit[i][j] - mean[j];
            }
        }
        Shrinkage.Result lw = Shrinkage.ledoitWolf(centred);
        double[][] precision = invertWithRidge(lw.covariance(), lw.mu());
        return new FeatureStatistics(mean, precision, Double.POSITIVE_INFINITY, quantile, fit.length, heldOut,
                lw.shrinkage());
    }

    /** The Mahalanobis distance of one feature vector from the mean. */
    public double distance(double[] x) {
        int p = mean.length;
        if (x.length != p) {
            throw new IllegalArgumentException("features have " + x.length + " values, the statistics " + p);
        }
        double[] c = new double[p];
        for (int j = 0; j < p; j++) {
            c[j] = x[j] - mean[j];
        }
        double sum = 0;
        for (int i = 0; i < p; i++) {
            double row = 0;
            double[] pi = precision[i];
            for (int j = 0; j < p; j++) {
                row += pi[j] * c[j];
            }
            sum += c[i] * row;
        }
        return Math.sqrt(Math.max(0, sum));
    }

    /** As {@link #distance(double[])} for float features, as the encoder gives them. */
    public double distance(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return distance(d);
    }

    public boolean flagged(double distance) {
        return distance > cutoff;
    }

    public int dimension() {
        return mean.length;
    }

    /** The q-quantile with linear interpolation between order statistics (R type 7, numpy's default). */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    /** Shrinkage leaves the covariance positive definite unless every feature is constant; a ridge covers that. */
    private static double[][] invertWithRidge(double[][] cov, double mu) {
        try {
            return Shrinkage.inverse(cov);
        } catch (IllegalArgumentException singular) {
            double ridge = Math.max(mu, 1e-12) * 1e-6;
            double[][] c = new double[cov.length][];
            for (int i = 0; i < cov.length; i++) {
                c[i] = cov[i].clone();
                c[i][i] += ridge;
            }
            return Shrinkage.inverse(c);
        }
    }
}
