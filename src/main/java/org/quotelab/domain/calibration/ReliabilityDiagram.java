package org.quotelab.domain.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * Confidence bins of a classifier's top prediction: what the reliability diagram draws and what
 * the expected calibration error (ECE) summarises.
 */
public record ReliabilityDiagram(List<Bin> bins, long total) {

    /** One equal-width confidence bin [lower, upper). */
    public record Bin(double lower, double upper, long count, double meanConfidence, double accuracy) {
    }

    public ReliabilityDiagram {
        bins = List.copyOf(bins);
    }

    /** Bins the top-class confidence of every row into {@code binCount} equal-width bins. */
    public static ReliabilityDiagram of(double[][] probabilities, int[] truth, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("binCount must be at least 1, got " + binCount);
        }
        if (probabilities.length != truth.length) {
            throw new IllegalArgumentException(
                    probabilities.length + " probability rows but " + truth.length + " labels");
        }
        long[] counts = new long[binCount];
        double[] confSum = new double[binCount];
        long[] correct = new long[binCount];
        for (int i = 0; i < probabilities.length; i++) {
            double[] row = probabilities[i];
            int arg = 0;
            for (int k = 1; k < row.length; k++) {
                if (row[k] > row[arg]) {
                    arg = k;
                }
            }
            int b = Math.min(binCount - 1, (int) (row[arg] * binCount));
            counts[b]++;
            confSum[b] += row[arg];
            if (arg == truth[i]) {
                correct[b]++;
            }
        }
        List<Bin> bins = new ArrayList<>(binCount);
        for (int b = 0; b < binCount; b++) {
            double mean = counts[b] == 0 ? 0 : confSum[b] / counts[b];
            double acc = counts[b] == 0 ? 0 : (double) correct[b] / counts[b];
            bins.add(new Bin((double) b / binCount, (double) (b + 1) / binCount, counts[b], mean, acc));
        }
        return new ReliabilityDiagram(bins, probabilities.length);
    }

    /** Expected calibration error: the count-weighted mean gap between confidence and accuracy. */
    public double expectedCalibrationError() {
        if (total == 0) {
            return 0;
        }
        double sum = 0;
        for (Bin b : bins) {
            sum += b.count() * Math.abs(b.meanConfidence() - b.accuracy());
        }
        return sum / total;
    }
}
