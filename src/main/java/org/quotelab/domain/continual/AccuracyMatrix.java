package org.quotelab.domain.continual;

import java.util.Arrays;

/**
 * The continual-learning accuracy matrix of Lopez-Paz and Ranzato (2017): {@code r[i][j]} is the
 * metric on batch j's validation part after learning batch i. {@code baseline[j]} is the metric of
 * the model on batch j before it learned anything of the stream, for forward transfer.
 *
 * <p>Rows may be shorter than the stream while it is replayed; figures use the rows present.
 */
public record AccuracyMatrix(double[][] r, double[] baseline) {

    public AccuracyMatrix {
        int t = r.length;
        for (int i = 0; i < t; i++) {
            if (r[i].length != t) {
                throw new IllegalArgumentException("row " + i + " has " + r[i].length + " entries, expected " + t);
            }
        }
        if (baseline.length != t) {
            throw new IllegalArgumentException("baseline has " + baseline.length + " entries, expected " + t);
        }
        r = Arrays.stream(r).map(double[]::clone).toArray(double[][]::new);
        baseline = baseline.clone();
    }

    public int batches() {
        return r.length;
    }

    /** Average metric over all batches after the last update. */
    public double averageAccuracy() {
        int t = batches();
        if (t == 0) {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < t; j++) {
            sum += r[t - 1][j];
        }
        return sum / t;
    }

    /** Backward transfer: how the last model does on old batches compared with just after learning them. Negative is forgetting. */
    public double backwardTransfer() {
        int t = batches();
        if (t < 2) {
            return 0;
        }
        double sum = 0;
        for (int j = 0; j < t - 1; j++) {
            sum += r[t - 1][j] - r[j][j];
        }
        return sum / (t - 1);
    }

    /** Forward transfer: how much learning earlier batches helps a batch before it is learned. */
    public double forwardTransfer() {
        int t = batches();
        if (t < 2) {
            return 0;
        }
        double sum = 0;
        for (int j = 1; j < t; j++) {
            sum += r[j - 1][j] - baseline[j];
        }
        return sum / (t - 1);
    }

    /** Forgetting of batch j (Chaudhry et al., 2018): best earlier value minus the final one; 0 for the last batch. */
    public double forgetting(int j) {
        int t = batches();
        if (j >= t - 1) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int l = j; l < t - 1; l++) {
            best = Math.max(best, r[l][j]);
        }
        return best - r[t - 1][j];
    }

    public double value(int afterBatch, int onBatch) {
        return r[afterBatch][onBatch];
    }
}
