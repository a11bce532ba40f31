package org.quotelab.ml.infer;

/**
 * Class probabilities per example, in the order of the scored examples, and, when asked for,
 * the encoder features of the same forward pass (L2-normalised masked mean of the last hidden
 * state; null when not computed).
 */
public record Scores(float[][] probabilities, float[][] features) {

    public Scores(float[][] probabilities) {
        this(probabilities, null);
    }

    public boolean hasFeatures() {
        return features != null;
    }

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
