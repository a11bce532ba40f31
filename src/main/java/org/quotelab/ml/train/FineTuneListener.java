package org.quotelab.ml.train;

/** Progress of a fine-tune, for the CLI's progress bar and the UI. Called on the training thread. */
public interface FineTuneListener {

    default void onStep(StepProgress progress) {
    }

    default void onEpoch(EpochSummary summary) {
    }

    static FineTuneListener none() {
        return new FineTuneListener() { };
    }
}
