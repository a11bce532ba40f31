package org.quotelab.service.continual;

import org.quotelab.ml.train.ClassWeighting;
import org.quotelab.ml.train.TrainingConfig;

/**
 * Training settings of the continual pipeline: the first (and full-retraining) fine-tune uses the
 * seed's recipe; updates start from trained weights and need fewer epochs and a smaller learning
 * rate (values measured with stream-eval, see ADR 0008).
 *
 * @param baseModel     "bundled", "tiny" or a folder: where full retraining starts
 * @param fisherSamples examples used to estimate a Fisher diagonal for EWC
 */
public record UpdateSettings(String baseModel, TrainingConfig full, TrainingConfig update, int fisherSamples,
                             long seed) {

    public static final int DEFAULT_UPDATE_EPOCHS = 2;
    public static final double DEFAULT_UPDATE_LR = 5e-5;
    public static final int DEFAULT_FISHER_SAMPLES = 100;

    public static UpdateSettings defaults(String baseModel) {
        TrainingConfig full = TrainingConfig.builder().classWeighting(ClassWeighting.SQRT_INVERSE).build();
        TrainingConfig update = full.toBuilder().epochs(DEFAULT_UPDATE_EPOCHS).learningRate(DEFAULT_UPDATE_LR).build();
        return new UpdateSettings(baseModel, full, update, DEFAULT_FISHER_SAMPLES, 42);
    }

    public UpdateSettings withUpdate(TrainingConfig u) {
        return new UpdateSettings(baseModel, full, u, fisherSamples, seed);
    }

    public UpdateSettings withFisherSamples(int n) {
        return new UpdateSettings(baseModel, full, update, n, seed);
    }

    public UpdateSettings withFull(TrainingConfig f) {
        return new UpdateSettings(baseModel, f, update, fisherSamples, seed);
    }

    /** The update's epochs and learning rate, the two knobs a person sets; the rest of its recipe stays. */
    public UpdateSettings withUpdateSteps(int epochs, double learningRate) {
        return withUpdate(update.toBuilder().epochs(epochs).learningRate(learningRate).build());
    }

    /** Epochs of a full retraining (the "full" strategy); the rest of its recipe stays. */
    public UpdateSettings withFullEpochs(int epochs) {
        return withFull(full.toBuilder().epochs(epochs).build());
    }
}
