package org.quotelab.domain.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Counts of (true class, predicted class) pairs: row = truth, column = prediction, as in
 * scikit-learn's confusion_matrix. Immutable; the arrays are copied in and out.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[][] counts;

    public ConfusionMatrix(List<String> labels, long[][] counts) {
        this.labels = List.copyOf(labels);
        int n = this.labels.size();
        if (counts.length != n) {
            throw new IllegalArgumentException("expected " + n + " rows, got " + counts.length);
        }
        this.counts = new long[n][];
        for (int i = 0; i < n; i++) {
            if (counts[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns, expected " + n);
            }
            this.counts[i] = counts[i].clone();
        }
    }

    /** Builds the matrix from parallel arrays of class indexes in [0, labels.size()). */
    public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> labels) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(
                    "truth has " + truth.length + " entries but predictions have " + predicted.length);
        }
        int n = labels.size();
        long[][] counts = new long[n][n];
        for (int i = 0; i < truth.length; i++) {
            checkIndex(truth[i], n, "true class", i);
            checkIndex(predicted[i], n, "predicted class", i);
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(labels, counts);
    }

    private static void checkIndex(int value, int n, String what, int position) {
        if (value < 0 || value >= n) {
            throw new IllegalArgumentException(
                    what + " " + value + " at position " + position + " is outside [0, " + n + ")");
        }
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long total() {
        long sum = 0;
        for (long[] row : counts) {
            for (long c : row) {
                sum += c;
            }
        }
        return sum;
    }

    public long correct() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    public double accuracy() {
        long total = total();
        return total == 0 ? 0.0 : (double) correct() / total;
    }

    /** Number of examples whose true class is {@code c}. */
    public long support(int c) {
        long sum = 0;
        for (long v : counts[c]) {
            sum += v;
        }
        return sum;
    }

    /** Number of examples predicted as {@code c}. */
    public long predictedCount(int c) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    public long truePositives(int c) {
        return counts[c][c];
    }

    public long falsePositives(int c) {
        return predictedCount(c) - counts[c][c];
    }

    public long falseNegatives(int c) {
        return support(c) - counts[c][c];
    }

    /** Row-normalised matrix (each row sums to 1, or 0 for a class with no examples): the heat map's colours. */
    public double[][] rowNormalized() {
        double[][] out = new double[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            long s = support(i);
            for (int j = 0; j < counts.length; j++) {
                out[i][j] = s == 0 ? 0.0 : (double) counts[i][j] / s;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix other
                && labels.equals(other.labels)
                && Arrays.deepEquals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, Arrays.deepHashCode(counts));
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + labels + Arrays.deepToString(counts);
    }
}
