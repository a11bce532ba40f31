package org.quotelab.service.training;

/**
 * What a running training job reports, in service terms so the UI never sees the ML layer.
 * Delivered on the job's thread; a view hands them to the FX thread in batches.
 */
public sealed interface TrainingEvent {

    /** A new part of the job began, e.g. "stage 2: fine-tuning on 300 quotes". */
    record Phase(String name) implements TrainingEvent {
    }

    /**
     * A sampled optimiser step. {@code step} counts over the whole job (all fine-tunes of it), so
     * a loss curve has one x axis; {@code fraction} and {@code etaSeconds} are estimates
     * (etaSeconds is NaN until one step has been timed).
     */
    record Step(int step, String phase, int epoch, int epochs, double loss, double fraction, double etaSeconds)
            implements TrainingEvent {
    }

    /**
     * The end of an epoch of one fine-tune; loss, accuracy and macro-F1 on its validation hold-out
     * (NaN without one). {@code best} marks the epoch whose weights are kept so far.
     */
    record Epoch(String phase, int epoch, int epochs, double trainLoss, double accuracy, double macroF1,
                 boolean best, double seconds, double validationLoss) implements TrainingEvent {

        /** Without a validation loss. */
        public Epoch(String phase, int epoch, int epochs, double trainLoss, double accuracy, double macroF1,
                     boolean best, double seconds) {
            this(phase, epoch, epochs, trainLoss, accuracy, macroF1, best, seconds, Double.NaN);
        }
    }

    /**
     * A cascade became active while the job goes on (the quick-start model before the full
     * fine-tune): the views refresh their predictions at once.
     */
    record Serving(String summary) implements TrainingEvent {
    }
}
