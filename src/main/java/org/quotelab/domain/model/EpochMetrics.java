package org.quotelab.domain.model;

/** Validation figures after one epoch; {@code extraJson} holds anything else the trainer reports. */
public record EpochMetrics(long runId, int epoch, double trainLoss, double valLoss, double accuracy,
        double macroF1, String extraJson) {
}
