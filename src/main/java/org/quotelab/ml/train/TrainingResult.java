package org.quotelab.ml.train;

import java.util.List;
import org.quotelab.domain.metrics.ClassificationReport;

/**
 * Outcome of a fine-tune. The net holds the weights of {@code bestEpoch}; {@code validation} is
 * that epoch's report (null without validation data).
 */
public record TrainingResult(
        int bestEpoch,
        ClassificationReport validation,
        List<EpochSummary> epochs,
        int steps,
        int skippedSteps,
        double seconds,
        double[] classWeights) {

    public TrainingResult {
        epochs = List.copyOf(epochs);
        classWeights = classWeights.clone();
    }
}
