package org.quotelab.service.training;

import java.util.List;
import org.quotelab.service.continual.Strategy;
import org.quotelab.service.continual.UpdateSettings;

/**
 * The settings a person chooses for a continual update, in plain values for a form: the batches
 * (empty = those not learned yet), the strategy ("replay", "ewc", "rehearsal+ewc", "full", ...),
 * the update's epochs and learning rate, and the base model full retraining starts from.
 */
public record UpdateOptions(List<Long> batchIds, String strategy, int epochs, double learningRate, String baseModel,
                            DeviceChoice device) {

    public UpdateOptions {
        batchIds = List.copyOf(batchIds);
    }

    public static UpdateOptions defaults() {
        UpdateRequest d = UpdateRequest.defaults();
        return new UpdateOptions(d.batchIds(), d.strategy().name(), d.settings().update().epochs(),
                d.settings().update().learningRate(), d.settings().baseModel(), d.device());
    }

    /** Throws IllegalArgumentException with a readable message for an unknown strategy or a bad value. */
    public UpdateRequest toRequest() {
        UpdateSettings d = UpdateSettings.defaults(baseModel);
        UpdateSettings s = d.withUpdate(d.update().toBuilder().epochs(epochs).learningRate(learningRate).build());
        return new UpdateRequest(batchIds, Strategy.parse(strategy), s, UpdateRequest.defaults().gate(), device);
    }
}
