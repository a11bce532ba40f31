package org.quotelab.ml.train;

import org.quotelab.domain.metrics.ClassificationReport;

/**
 * End of an epoch; {@code validation} is null and {@code validationLoss} NaN when no validation
 * examples were given. The validation loss is the unweighted mean cross-entropy of the hold-out.
 */
public record EpochSummary(
        int epoch,
        int epochs,
        double meanLoss,
        ClassificationReport validation,
        double selectionScore,
        boolean best,
        int skippedSteps,
        double seconds,
        double validationLoss) {

    /** Without a validation loss. */
    public EpochSummary(int epoch, int epochs, double meanLoss, ClassificationReport validation, double selectionScore,
                        boolean best, int skippedSteps, double seconds) {
        this(epoch, epochs, meanLoss, validation, selectionScore, best, skippedSteps, seconds, Double.NaN);
    }
}
