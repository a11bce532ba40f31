package org.quotelab.domain.metrics;

/** Precision, recall, F1 and support of one class, or of an average over classes. */
public record ClassMetrics(String label, double precision, double recall, double f1, long support) {

    /** scikit-learn's convention: a ratio with a zero denominator counts as 0. */
    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    static double f1(double precision, double recall) {
        return precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
    }
}
