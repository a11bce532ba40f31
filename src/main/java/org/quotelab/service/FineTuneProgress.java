package org.quotelab.service;

import org.quotelab.domain.metrics.ClassificationReport;
import org.quotelab.ml.train.EpochSummary;
import org.quotelab.ml.train.StepProgress;
import org.quotelab.ml.train.FineTuneListener;

/**
 * Every step and epoch of one fine-tune, in service terms, for a caller that draws its own progress
 * (the CLI's bar) without seeing the ml layer. Called on the training thread. The desktop app
 * listens to sampled {@link org.quotelab.service.training.TrainingEvent}s over a whole job instead.
 */
public interface FineTuneProgress {

    /** One optimiser step; {@code step} counts from 1 over the run, {@code skipped}: no update (non-finite). */
    record Step(int epoch, int epochs, int step, int totalSteps, double loss, double learningRate,
                double samplesPerSecond, boolean skipped, int skippedSteps) {
    }

    /** The end of an epoch; {@code validation} is null without validation rows. */
    record Epoch(int epoch, int epochs, double meanLoss, ClassificationReport validation, boolean best,
                 double seconds) {
    }

    default void onStep(Step step) {
    }

    default void onEpoch(Epoch epoch) {
    }

    /** The ml layer's listener that forwards to {@code progress}, for the trainers this layer drives. */
    static FineTuneListener toListener(FineTuneProgress progress) {
        return new FineTuneListener() {
            @Override
            public void onStep(StepProgress p) {
                progress.onStep(new Step(p.epoch(), p.epochs(), p.step(), p.totalSteps(), p.loss(), p.learningRate(),
                        p.samplesPerSecond(), p.skipped(), p.skippedSteps()));
            }

            @Override
            public void onEpoch(EpochSummary s) {
                progress.onEpoch(new Epoch(s.epoch(), s.epochs(), s.meanLoss(), s.validation(), s.best(), s.seconds()));
            }
        };
    }
}
