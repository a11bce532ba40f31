package org.quotelab.ml.train;

/**
 * One optimizer step. {@code step} counts from 1 over the whole run. When {@code skipped} is true
 * the loss or gradient norm was not finite and no update was made.
 */
public record StepProgress(
        int epoch,
        int epochs,
        int step,
        int totalSteps,
        double loss,
        double learningRate,
        double gradNorm,
        double samplesPerSecond,
        boolean skipped,
        int skippedSteps) {
}
