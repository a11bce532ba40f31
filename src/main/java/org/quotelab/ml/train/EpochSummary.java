package org.quotelab.ml.train;

import org.quotelab.domain.metrics.ClassificationReport;

/** End of an epoch; {@code validation} is null when no validation examples were given. */
public record EpochSummary(
        int epoch,
        int epochs,
        double meanLoss,
        ClassificationReport validation,
        double selectionScore,
        boolean best,
        int skippedSteps,
        double seconds) {
}
