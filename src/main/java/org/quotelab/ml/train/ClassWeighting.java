package org.quotelab.ml.train;

import java.util.Arrays;

/** How the loss weighs each class; rare classes (LOCATION has 31 quotes) need more than 1. */
public enum ClassWeighting {
    NONE,
    /** n / (C * count): scikit-learn's "balanced". */
    INVERSE,
    /** sqrt of INVERSE: softer, keeps frequent classes from being ignored. */
    SQRT_INVERSE,
    /** Weights given in {@link TrainingConfig#explicitClassWeights()}. */
    EXPLICIT;

    /** Weights for each class index from the labels of the training examples. */
    public double[] weights(int[] labels, int numClasses, double[] explicit) {
        double[] w = new double[numClasses];
        Arrays.fill(w, 1.0);
        if (this == NONE) {
            return w;
        }
        if (this == EXPLICIT) {
            if (explicit == null || explicit.length != numClasses) {
                throw new IllegalArgumentException("explicit class weights need " + numClasses + " values");
            }
            return explicit.clone();
        }
        long[] counts = new long[numClasses];
        for (int label : labels) {
            counts[label]++;
        }
        for (int c = 0; c < numClasses; c++) {
            // A class absent from training keeps weight 1: it cannot contribute to the loss anyway.
            double inverse = counts[c] == 0 ? 1.0 : (double) labels.length / (numClasses * (double) counts[c]);
            w[c] = this == INVERSE ? inverse : Math.sqrt(inverse);
        }
        return w;
    }

    /** Parses "none", "inverse", "sqrt" / "sqrt_inverse", or "explicit". */
    public static ClassWeighting parse(String s) {
        String v = s.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return "SQRT".equals(v) ? SQRT_INVERSE : valueOf(v);
    }
}
