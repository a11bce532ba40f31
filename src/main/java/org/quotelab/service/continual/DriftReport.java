package org.quotelab.service.continual;

import java.util.List;

/**
 * Drift of one new batch against reference data, computed before its labels are used.
 *
 * @param mmdPValue          permutation p-value of the MMD test on sentence embeddings
 * @param predictionJs       Jensen-Shannon distance of predicted-class proportions
 * @param predictionPsi      population stability index of the same
 * @param ksStatistic        Kolmogorov-Smirnov statistic of the top-class confidences
 * @param estimatedAccuracy  CBPE: mean calibrated confidence on the new batch (no labels needed)
 * @param referenceEstimatedAccuracy the same on the reference sample
 * @param labelJs            JS distance of label proportions, or null while the batch has no labels
 * @param explainingQuotes   the new quotes that most explain the input drift (highest MMD witness)
 * @param alerts             one sentence per alert; empty when nothing moved
 */
public record DriftReport(String batch, int referenceSize, int currentSize, double mmd2, double mmdPValue,
                          double predictionJs, double predictionPsi, double ksStatistic, double ksPValue,
                          double estimatedAccuracy, double referenceEstimatedAccuracy, Double labelJs,
                          Double labelPsi, List<String> explainingQuotes, List<String> alerts) {

    public DriftReport {
        explainingQuotes = List.copyOf(explainingQuotes);
        alerts = List.copyOf(alerts);
    }

    public boolean drifted() {
        return !alerts.isEmpty();
    }

    /** True when the embedding test alone fired. */
    public boolean inputDrift(double alpha) {
        return mmdPValue < alpha;
    }
}
