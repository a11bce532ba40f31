package org.quotelab.ml.infer;

/** Class probabilities per example, in the order of the scored examples. */
public record Scores(float[][] probabilities) {

    public int size() {
        return probabilities.length;
    }

    public int[] predicted() {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            float[] p = probabilities[i];
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
